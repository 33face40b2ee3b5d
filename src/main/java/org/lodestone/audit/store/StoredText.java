package org.lodestone.audit.store;

import org.jspecify.annotations.Nullable;

/**
 * Makes text fit its column without failing the caller's transaction and without changing it on the way into the
 * database: the hash is computed over the fitted value, so it must be exactly what PostgreSQL and H2 store. NUL (which
 * PostgreSQL rejects) and unpaired surrogates (which encoders replace) become U+FFFD; over-long text is cut at a
 * character boundary and ends with "…". Guarded by {@code StoredTextUnitTests}.
 */
final class StoredText {

    static final char REPLACEMENT = '\uFFFD';
    static final String ELLIPSIS = "…";

    private StoredText() {}

    static @Nullable String fit(@Nullable String value, int maxChars) {
        return value == null ? null : fitRequired(value, maxChars);
    }

    static String fitRequired(String value, int maxChars) {
        String clean = sanitise(value);
        if (clean.length() <= maxChars) {
            return clean;
        }
        int end = maxChars - ELLIPSIS.length();
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return clean.substring(0, end) + ELLIPSIS;
    }

    private static String sanitise(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairedHigh) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean bad = c == '\0' || Character.isSurrogate(c);
            if (bad && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? REPLACEMENT : c);
            }
        }
        return out == null ? value : out.toString();
    }
}
