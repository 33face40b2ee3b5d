package org.lodestone.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the chain: {@code intact} with the number of rows checked, or the sequence number of the first
 * row that does not verify and why. {@code rowsChecked} counts the rows read, including the broken one.
 */
public record ChainVerification(
        boolean intact,
        long rowsChecked,
        @Nullable Long firstBrokenSequence,
        @Nullable String reason) {

    public static ChainVerification intact(long rows) {
        return new ChainVerification(true, rows, null, null);
    }

    public static ChainVerification brokenAt(long rowsChecked, long sequence, String reason) {
        return new ChainVerification(false, rowsChecked, sequence, reason);
    }

    /** One readable line, for the command line and for the trail's own record of a verification. */
    public String summary() {
        if (intact) {
            return "audit chain intact: " + rowsChecked + (rowsChecked == 1 ? " row" : " rows") + " verified";
        }
        return "audit chain BROKEN at row " + firstBrokenSequence + ": " + reason + " (" + rowsChecked
                + " rows checked)";
    }
}
