package org.lodestone.licensing.application;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The applicant's declarations; all three must be given, signed and dated before submission. */
public record Declarations(
        boolean accuracy,
        boolean endUseUndertaking,
        boolean noReExportWithoutConsent,
        @Nullable String signatoryName,
        @Nullable LocalDate signedOn) {

    public static final Declarations NONE = new Declarations(false, false, false, null, null);

    public boolean complete() {
        return accuracy
                && endUseUndertaking
                && noReExportWithoutConsent
                && signatoryName != null
                && !signatoryName.isBlank()
                && signedOn != null;
    }
}
