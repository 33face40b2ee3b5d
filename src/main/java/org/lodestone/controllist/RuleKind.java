package org.lodestone.controllist;

import java.util.Locale;

/** What a {@link ControlRule} does when it applies. */
public enum RuleKind {
    /** The export is banned (or "in principle not licensed"): outcome PROHIBITED. */
    PROHIBITION,
    /** Foreign-made items with Chinese-origin listed content at or above a value share need a licence. */
    FOREIGN_CONTENT_THRESHOLD,
    /** Does not change the outcome; adds a warning about stricter review or a presumption of denial. */
    REVIEW_NOTE;

    public static RuleKind parse(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
    }
}
