package org.lodestone.screening.hits;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ScreeningSubject;

/**
 * One party of an application or licence found to match one list entry at or above the threshold.
 *
 * @param partyFingerprint hash of the party's normalised names, country and identifiers at screening
 * @param entryFingerprint the entry's content hash from its list release at screening
 * @param screenedName the party's name that matched (Latin or original script)
 * @param matchedName the entry's name (primary or alias) that scored best
 * @param features what produced the score, shown to the reviewer
 * @param version optimistic-lock version, to quote in the adjudication
 */
public record Hit(
        UUID id,
        ScreeningSubject.Kind subjectKind,
        UUID subjectId,
        String subjectReference,
        @Nullable OrganisationId authority,
        String partyKey,
        String partyRole,
        String partyName,
        @Nullable String partyNameOriginal,
        @Nullable String partyCountry,
        String partyFingerprint,
        String screenedName,
        String listCode,
        String entryId,
        String entryFingerprint,
        String entryCaption,
        String matchedName,
        double score,
        Map<String, Object> features,
        HitState state,
        @Nullable String clearedReason,
        Instant createdAt,
        Instant screenedAt,
        @Nullable String adjudicatedBy,
        @Nullable Instant adjudicatedAt,
        @Nullable String rationale,
        long version) {

    public Hit {
        features = Map.copyOf(features);
    }

    public String entryKey() {
        return listCode + "\u0000" + entryId;
    }
}
