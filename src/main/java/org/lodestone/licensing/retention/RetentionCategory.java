package org.lodestone.licensing.retention;

/**
 * The data categories with a retention period, named as in configuration ({@code lodestone.retention.<key>}). Approved
 * applications are covered through their licence ({@link #EXPIRED_LICENCES}); submitted and in-review ones are never
 * due.
 */
public enum RetentionCategory {
    /** REFUSED, counted from the last change of the application (the decision). */
    REFUSED_APPLICATIONS("refused-applications"),
    /** WITHDRAWN, counted from the last change of the application (the withdrawal). */
    WITHDRAWN_APPLICATIONS("withdrawn-applications"),
    /** Licence ended (EXPIRED, REVOKED, EXHAUSTED), counted from its status change or else the end of validity. */
    EXPIRED_LICENCES("expired-licences"),
    /** DRAFT untouched for the period. */
    LAPSED_DRAFTS("lapsed-drafts");

    private final String key;

    RetentionCategory(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
