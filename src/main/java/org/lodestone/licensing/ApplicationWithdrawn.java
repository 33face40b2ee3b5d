package org.lodestone.licensing;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/** The applicant withdrew an application (published in the withdrawing transaction). */
public record ApplicationWithdrawn(
        ApplicationId id,
        String reference,
        OrganisationId applicant,
        @Nullable OrganisationId competentAuthority) {}
