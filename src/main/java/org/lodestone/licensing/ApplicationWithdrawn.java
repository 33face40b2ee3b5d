package org.lodestone.licensing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/** Published when the applicant withdrew an application; {@code competentAuthority} is null for a withdrawn draft. */
public record ApplicationWithdrawn(
        ApplicationId application,
        String reference,
        OrganisationId applicant,
        @Nullable OrganisationId competentAuthority,
        String previousState,
        @Nullable String reason,
        Instant at) {}
