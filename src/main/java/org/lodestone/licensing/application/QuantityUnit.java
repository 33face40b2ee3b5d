package org.lodestone.licensing.application;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Units an item quantity or a trade volume may be given in. */
public enum QuantityUnit {
    KG("kg"),
    T("t"),
    G("g"),
    PIECES("pieces");

    private final String symbol;

    QuantityUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** "kg", "KG", " t " → the unit; null when it is none of ours. */
    public static @Nullable QuantityUnit parse(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        for (QuantityUnit u : values()) {
            if (u.symbol.equals(s) || u.name().toLowerCase(Locale.ROOT).equals(s)) {
                return u;
            }
        }
        return null;
    }
}
