package org.lodestone.licensing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * Published when an application is finally decided: APPROVED (with the licence issued) or REFUSED (with the reason code
 * and the text the applicant reads).
 */
public record ApplicationDecided(
        ApplicationId application,
        String reference,
        OrganisationId applicant,
        OrganisationId authority,
        Outcome outcome,
        @Nullable String reasonCode,
        @Nullable String reasonText,
        @Nullable LicenceNumber licence,
        Instant at) {

    public enum Outcome {
        APPROVED,
        REFUSED
    }
}
