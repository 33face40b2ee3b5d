package org.lodestone.licensing;

import java.time.Instant;
import org.lodestone.identity.OrganisationId;

/**
 * Published when an application was submitted (or resubmitted after an information request answered through
 * {@code revision > 1}); notifications and the statutory clock hook into it.
 */
public record ApplicationSubmitted(
        ApplicationId application,
        String reference,
        OrganisationId applicant,
        OrganisationId competentAuthority,
        int revision,
        Instant at) {}
