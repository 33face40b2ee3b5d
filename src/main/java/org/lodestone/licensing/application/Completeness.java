package org.lodestone.licensing.application;

import java.util.List;

/** The result of the completeness check: complete exactly when nothing is missing. */
public record Completeness(boolean complete, List<MissingPiece> missing) {

    public Completeness {
        missing = List.copyOf(missing);
    }

    public static Completeness of(List<MissingPiece> missing) {
        return new Completeness(missing.isEmpty(), missing);
    }
}
