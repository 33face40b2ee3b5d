package org.lodestone.screening.lists.formats;

/** A document format (csl-json) broke off in the middle: it cannot be read on, so the import fails. */
public final class MalformedDocument extends RuntimeException {

    public MalformedDocument(String reason) {
        super(reason);
    }
}
