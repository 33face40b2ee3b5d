package org.lodestone.traceability.epcis.codec;

/** Cheap lexical checks, no regex: they run several times per event. */
final class Uris {

    private Uris() {}

    /**
     * An absolute URI or a compact IRI: a scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a colon and at
     * least one more character, no whitespace.
     */
    static boolean isUri(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || colon == s.length() - 1 || !isAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The prefix of a compact name {@code prefix:local}, or null when the name has none. */
    static @org.jspecify.annotations.Nullable String prefixOf(String name) {
        int colon = name.indexOf(':');
        if (colon < 1 || colon == name.length() - 1) {
            return null;
        }
        return name.substring(0, colon);
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
