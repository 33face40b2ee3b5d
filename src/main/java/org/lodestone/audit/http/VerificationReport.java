package org.lodestone.audit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.ChainVerification;

/** The verify endpoint's answer; every field is always present (null when intact), whatever the global inclusion. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record VerificationReport(
        @Schema(description = "true when every row and the chain head verify")
        boolean intact,

        @Schema(description = "rows read, including the broken one")
        long rowsChecked,

        @Schema(description = "sequence of the first row that does not verify; null when intact") @Nullable
        Long firstBrokenSequence,

        @Schema(description = "why that row does not verify; null when intact") @Nullable
        String reason) {

    static VerificationReport of(ChainVerification verification) {
        return new VerificationReport(
                verification.intact(),
                verification.rowsChecked(),
                verification.firstBrokenSequence(),
                verification.reason());
    }
}
