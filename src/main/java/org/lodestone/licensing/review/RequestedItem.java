package org.lodestone.licensing.review;

import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.evidence.DocumentType;

/**
 * One thing an information request asks for, numbered from 1 so that answers can name it.
 *
 * @param kind DOCUMENT (a document of {@code documentType} must be uploaded), CLARIFICATION (a written answer) or
 *     CORRECTION (the application's content must be changed; the answer says what changed)
 * @param target the party or item the request is about (its id), or null for the application as a whole
 */
public record RequestedItem(
        int no,
        Kind kind,
        @Nullable DocumentType documentType,
        @Nullable String target,
        String question) {

    public enum Kind {
        DOCUMENT,
        CLARIFICATION,
        CORRECTION
    }
}
