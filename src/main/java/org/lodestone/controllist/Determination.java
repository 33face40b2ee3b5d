package org.lodestone.controllist;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a licence determination: the outcome, the entries that matched (applying or suspended on the date),
 * the reasoning in readable sentences, warnings about uncertain facts, and the date and catalogue revision it is
 * valid for.
 */
public record Determination(
        Outcome outcome,
        List<Match> matches,
        List<String> explanation,
        List<String> warnings,
        LocalDate asOf,
        String destination,
        EndUse endUse,
        String catalogueRevision) {

    /** Whether a matched entry makes the answer, or is listed only because it is suspended on the date. */
    public enum MatchStatus {
        /** The entry makes the outcome. */
        APPLIES,
        /** Listed, but its legal act is suspended on the date. */
        SUSPENDED,
        /** Listed content of a foreign-produced item that no extraterritorial rule reaches on the date. */
        NOT_TRIGGERED
    }

    /** One matched control-list entry version with its legal basis. */
    public record Match(
            String key,
            @Nullable String controlNumber,
            Confidence controlNumberConfidence,
            String description,
            String legalBasis,
            String legalActKey,
            LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo,
            MatchStatus status,
            Confidence confidence,
            String matchedBy,
            @Nullable String note) {

        public Match withStatus(MatchStatus newStatus) {
            return new Match(
                    key,
                    controlNumber,
                    controlNumberConfidence,
                    description,
                    legalBasis,
                    legalActKey,
                    effectiveFrom,
                    effectiveTo,
                    newStatus,
                    confidence,
                    matchedBy,
                    note);
        }

        public String displayNumber() {
            return controlNumber != null ? controlNumber : "'" + key + "' (no verified control number)";
        }
    }
}
