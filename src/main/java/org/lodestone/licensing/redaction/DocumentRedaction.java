package org.lodestone.licensing.redaction;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;

/**
 * One redaction as recorded: the original document, its redacted copy, the audiences who read the copy instead, whether
 * the original is kept (sealed for the competent authority) or superseded, and what was done — counts per term
 * position and page, the areas, the rasterised pages. Never the terms.
 */
public record DocumentRedaction(
        UUID id,
        ApplicationId applicationId,
        DocumentId originalId,
        DocumentId copyId,
        Set<Audience> audiences,
        boolean keepOriginal,
        int termCount,
        List<TermCount> counts,
        List<Area> areas,
        int pages,
        List<Integer> rasterised,
        String createdByName,
        Instant createdAt) {

    public int occurrences() {
        return counts.stream().mapToInt(TermCount::count).sum();
    }

    boolean redactsFor(Set<Audience> readers) {
        return audiences.stream().anyMatch(readers::contains);
    }
}
