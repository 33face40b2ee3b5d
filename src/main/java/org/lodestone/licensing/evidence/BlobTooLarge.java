package org.lodestone.licensing.evidence;

import java.io.IOException;

/** A stream passed the size limit while being stored; storage kept nothing of it. */
public final class BlobTooLarge extends IOException {

    private final long limit;

    public BlobTooLarge(long limit) {
        super("content exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
