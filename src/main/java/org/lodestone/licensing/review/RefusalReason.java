package org.lodestone.licensing.review;

/**
 * Why an application is refused. The regulation publishes no taxonomy of reasons (Art. 17 asks only for a written
 * notice), so these are Lodestone's codes, modelled on the UK's coded refusal criteria; the applicant sees the code's
 * label and the reviewer's text.
 */
public enum RefusalReason {
    INSUFFICIENT_END_USER_EVIDENCE("Insufficient end-user evidence"),
    END_USE_CONCERN("Concern about the stated end use"),
    RESTRICTED_PARTY("A party is on a restricted list"),
    INCONSISTENT_INFORMATION("Inconsistent information in the application"),
    NATIONAL_SECURITY("National security and interests");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
