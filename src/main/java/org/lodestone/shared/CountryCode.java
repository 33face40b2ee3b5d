package org.lodestone.shared;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-2 country code, upper case. Construction refuses anything the JDK's ISO table does not know,
 * so a {@code CountryCode} in hand is always a real country.
 */
public record CountryCode(String value) {

    private static final Set<String> KNOWN = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !KNOWN.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    /** Parses user input leniently as to case and surrounding blanks, strictly as to the code itself. */
    public static CountryCode of(String raw) {
        return new CountryCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String raw) {
        return raw != null && KNOWN.contains(raw.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
