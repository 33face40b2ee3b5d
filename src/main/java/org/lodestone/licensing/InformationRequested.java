package org.lodestone.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.lodestone.identity.OrganisationId;

/** Published when the authority asks the applicant for more information; the statutory clock stops. */
public record InformationRequested(
        ApplicationId application,
        String reference,
        OrganisationId applicant,
        OrganisationId authority,
        UUID request,
        int itemCount,
        LocalDate dueOn,
        Instant at) {}
