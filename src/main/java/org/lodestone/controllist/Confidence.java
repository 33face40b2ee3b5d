package org.lodestone.controllist;

import java.util.Locale;

/**
 * How sure we are of a fact, exactly as {@code regulatory-facts.md} tags it, plus {@link #UNVERIFIED} for what no
 * source we could read confirms. {@link #INFERRED} and {@link #UNVERIFIED} facts are always shown as such.
 */
public enum Confidence {
    /** Read in the primary legal text. */
    TEXT,
    /** From reputable reports or translations. */
    SECONDARY,
    /** Deduced, e.g. from a numbering sequence or a tariff-line description. */
    INFERRED,
    /** Not confirmed by any source we could read; the fact is left empty. */
    UNVERIFIED;

    public static Confidence parse(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }

    /** True for facts a user must not take as read in a published text. */
    public boolean uncertain() {
        return this == INFERRED || this == UNVERIFIED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
