package org.lodestone.licensing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/** Published when the applicant has answered an information request; the statutory clock runs again. */
public record InformationProvided(
        ApplicationId application,
        String reference,
        OrganisationId authority,
        @Nullable String assignee,
        UUID request,
        int revision,
        Instant at) {}
