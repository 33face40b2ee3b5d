package org.lodestone.screening.lists;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.matching.ListedEntry;

/**
 * A list entry as shown to a reviewer.
 *
 * @param release the active release that holds it
 * @param fingerprint a hash of the entry's content; a false-positive decision holds until it changes
 * @param programme the sanctions or control programme (e.g. {@code EAR Entity List}, {@code UEL})
 * @param legalBasis the act or notice the listing rests on
 * @param sourceUrl where the listing is published
 */
public record EntryDetails(
        ListedEntry entry,
        UUID release,
        String fingerprint,
        @Nullable String programme,
        @Nullable String legalBasis,
        @Nullable LocalDate listedOn,
        @Nullable String remarks,
        @Nullable String sourceUrl) {}
