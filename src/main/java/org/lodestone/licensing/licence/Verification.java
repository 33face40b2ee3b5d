package org.lodestone.licensing.licence;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.LicenceStatus;

/**
 * The public answer about a licence: only what a customs officer or a buyer needs to trust a certificate. Never the
 * consignee, end user, quantities or values. When {@code verified} is false every other field is null or false, whatever the
 * reason (unknown number or wrong code), so the answer tells nothing about which numbers exist.
 */
public record Verification(
        boolean verified,
        boolean valid,
        @Nullable String licenceNumber,
        @Nullable LicenceStatus status,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String issuingAuthority,
        @Nullable String holder) {

    static Verification failed() {
        return new Verification(false, false, null, null, null, null, null, null);
    }

    /** A genuine licence; {@code valid} when it is in force today (ISSUED), the only state goods may ship under. */
    static Verification of(
            String number,
            LicenceStatus status,
            LocalDate validFrom,
            LocalDate validTo,
            String issuingAuthority,
            String holder) {
        return new Verification(
                true, status == LicenceStatus.ISSUED, number, status, validFrom, validTo, issuingAuthority, holder);
    }
}
