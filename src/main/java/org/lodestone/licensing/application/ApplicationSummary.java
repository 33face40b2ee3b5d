package org.lodestone.licensing.application;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;

/** What other parts of licensing need to know about an application without loading the aggregate. */
public record ApplicationSummary(
        ApplicationId id,
        String reference,
        String state,
        OrganisationId applicant,
        @Nullable OrganisationId competentAuthority) {}
