package org.lodestone.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the chain: {@code intact} with the number of rows checked, or the sequence number of the first
 * row that does not verify and why.
 */
public record ChainVerification(boolean intact, long rowsChecked, @Nullable Long firstBrokenSequence, @Nullable String reason) {

    public static ChainVerification intact(long rows) {
        return new ChainVerification(true, rows, null, null);
    }

    public static ChainVerification brokenAt(long rowsChecked, long sequence, String reason) {
        return new ChainVerification(false, rowsChecked, sequence, reason);
    }
}
