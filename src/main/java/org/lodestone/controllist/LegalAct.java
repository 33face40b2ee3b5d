package org.lodestone.controllist;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An announcement or regulation that creates, changes or suspends controls. Dates are null where no source confirms
 * them; {@code issuedOnConfidence}/{@code effectiveFromConfidence} are null where they equal {@code confidence}.
 */
public record LegalAct(
        String key,
        String number,
        String title,
        List<String> issuingBodies,
        @Nullable LocalDate issuedOn,
        @Nullable Confidence issuedOnConfidence,
        @Nullable LocalDate effectiveFrom,
        @Nullable Confidence effectiveFromConfidence,
        Confidence confidence,
        @Nullable String source,
        @Nullable String note) {

    /** "MOFCOM/GAC Announcement 2025 No. 18 (issued 2025-04-04, effective 2025-04-04)". */
    public String citation() {
        var sb = new StringBuilder(number);
        if (issuedOn != null || effectiveFrom != null) {
            sb.append(" (");
            if (issuedOn != null) {
                sb.append("issued ").append(issuedOn);
                if (issuedOnConfidence != null && issuedOnConfidence.uncertain()) {
                    sb.append(" [").append(issuedOnConfidence.label()).append(']');
                }
            }
            if (effectiveFrom != null) {
                sb.append(issuedOn != null ? ", " : "").append("effective ").append(effectiveFrom);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
