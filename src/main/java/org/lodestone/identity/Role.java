package org.lodestone.identity;

/** What a user may do. A user holds one or more roles; Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    APPLICANT,
    CONSIGNEE,
    REVIEWER,
    SUPERVISOR,
    ENFORCEMENT,
    AUDITOR,
    ADMIN,
    /** A reporting enterprise's user who captures EPCIS events into the product-tracking system (#5). */
    REPORTER;

    /** The Spring Security authority string, e.g. {@code ROLE_REVIEWER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
