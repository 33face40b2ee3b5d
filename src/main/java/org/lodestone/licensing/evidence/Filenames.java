package org.lodestone.licensing.evidence;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a client's filename into a safe display name: NFC, no control or invisible formatting characters (which
 * include bidi overrides that disguise an extension), no path components, at most 255 characters. Storage never uses
 * it. Guarded by {@code FilenamesUnitTests}.
 */
final class Filenames {

    static final int MAX_LENGTH = 255;
    static final String FALLBACK = "document";

    private Filenames() {}

    static String sanitise(@Nullable String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder visible = new StringBuilder(nfc.length());
        nfc.codePoints().filter(Filenames::allowed).forEach(visible::appendCodePoint);
        String name = visible.toString();
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1).strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            return FALLBACK;
        }
        return limit(name);
    }

    private static boolean allowed(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.SURROGATE
                && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }

    /** Cuts long names in the middle of the base name so the extension, which users read the type from, survives. */
    private static String limit(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)) + extension;
    }
}
