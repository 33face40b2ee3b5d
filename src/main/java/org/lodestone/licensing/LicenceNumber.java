package org.lodestone.licensing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A licence number such as {@code CN-EX-2026-000123}: issuing country, licence kind, year of issue and a sequence
 * number. Human-friendly (read out over the phone, typed at a border post), unique, never reused.
 */
public record LicenceNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-EX-\\d{4}-\\d{6,12}");

    public LicenceNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a licence number like CN-EX-2026-000123");
        }
    }

    /** Parses user input leniently as to case and blanks; empty when it cannot be a licence number. */
    public static Optional<LicenceNumber> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip().toUpperCase(java.util.Locale.ROOT);
        return FORMAT.matcher(v).matches() ? Optional.of(new LicenceNumber(v)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
