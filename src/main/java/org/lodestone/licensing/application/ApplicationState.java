package org.lodestone.licensing.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands. Applicants edit only a DRAFT, or an application whose information request they are
 * answering; APPROVED, REFUSED and WITHDRAWN are final.
 */
public enum ApplicationState {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    INFORMATION_REQUESTED,
    APPROVAL_PROPOSED,
    APPROVED,
    REFUSED,
    WITHDRAWN;

    private static final Set<ApplicationState> FINAL = EnumSet.of(APPROVED, REFUSED, WITHDRAWN);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** True where the applicant may change content: a draft, or while answering an information request. */
    public boolean editable() {
        return this == DRAFT || this == INFORMATION_REQUESTED;
    }
}
