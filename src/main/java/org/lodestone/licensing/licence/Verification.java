package org.lodestone.licensing.licence;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.LicenceStatus;

/**
 * The public answer about a licence: only what a customs officer or a buyer needs to trust a certificate. Never the
 * consignee, end user, quantities or values. When {@code verified} is false every other field is null, whatever the
 * reason (unknown number or wrong code), so the answer tells nothing about which numbers exist.
 */
public record Verification(
        boolean verified,
        @Nullable String licenceNumber,
        @Nullable LicenceStatus status,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String issuingAuthority,
        @Nullable String holder) {

    static Verification failed() {
        return new Verification(false, null, null, null, null, null, null);
    }

    /** Verified and in force today: the only state in which goods may ship under it. */
    public boolean valid() {
        return verified && status == LicenceStatus.ISSUED;
    }
}
