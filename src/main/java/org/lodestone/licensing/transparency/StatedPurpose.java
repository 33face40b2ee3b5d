package org.lodestone.licensing.transparency;

import org.jspecify.annotations.Nullable;

/** The purpose an authority's staff member stated to open sensitive data: the case (its reference) and why. */
public record StatedPurpose(String caseReference, @Nullable String reason) {

    /** How the audit detail reads it. */
    String auditText() {
        return "purpose " + caseReference + (reason == null ? "" : ": " + reason);
    }
}
