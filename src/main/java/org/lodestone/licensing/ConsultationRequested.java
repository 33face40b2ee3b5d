package org.lodestone.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.lodestone.identity.OrganisationId;

/** Published when a reviewing authority consults another authority about a case. */
public record ConsultationRequested(
        ApplicationId application,
        String reference,
        OrganisationId authority,
        OrganisationId consulted,
        UUID consultation,
        LocalDate dueOn,
        Instant at) {}
