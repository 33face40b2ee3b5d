package org.lodestone.licensing;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * An applicant submitted an application (published in the submitting transaction). {@code competentAuthority} is null
 * when no authority could be routed to yet.
 */
public record ApplicationSubmitted(
        ApplicationId id,
        String reference,
        OrganisationId applicant,
        @Nullable OrganisationId competentAuthority) {}
