package org.lodestone.licensing.licence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Units of licence lines. Mass units (g, kg, t) convert exactly into each other; any other unit only matches itself.
 * Quantities are stored with 6 decimals, so a conversion that would need more is refused rather than rounded.
 */
public final class Units {

    public static final int SCALE = 6;

    private static final Map<String, BigDecimal> GRAMS =
            Map.of("g", BigDecimal.ONE, "kg", BigDecimal.valueOf(1000), "t", BigDecimal.valueOf(1_000_000));

    private Units() {}

    /** Canonical spelling: mass units lower case, other units stripped; empty if blank or too long. */
    public static Optional<String> canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String u = raw.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (GRAMS.containsKey(lower)) {
            return Optional.of(lower);
        }
        if (lower.equals("tonne") || lower.equals("tonnes")) {
            return Optional.of("t");
        }
        return u.length() <= 16 && u.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '/')
                ? Optional.of(u)
                : Optional.empty();
    }

    /**
     * {@code quantity} in {@code from} expressed in {@code to}; empty when the units do not convert or the result would
     * need more than {@link #SCALE} decimals.
     */
    public static Optional<BigDecimal> convert(BigDecimal quantity, String from, String to) {
        if (from.equals(to)) {
            return exact(quantity);
        }
        BigDecimal f = GRAMS.get(from);
        BigDecimal t = GRAMS.get(to);
        if (f == null || t == null) {
            return Optional.empty();
        }
        try {
            return exact(quantity.multiply(f).divide(t, SCALE + 6, RoundingMode.UNNECESSARY));
        } catch (ArithmeticException tooPrecise) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> exact(BigDecimal q) {
        BigDecimal stripped = q.stripTrailingZeros();
        stripped = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        return stripped.scale() > SCALE ? Optional.empty() : Optional.of(stripped);
    }
}
