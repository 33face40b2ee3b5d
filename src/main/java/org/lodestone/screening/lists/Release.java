package org.lodestone.screening.lists;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A release of a list: one imported file, with what the import made of it.
 *
 * @param read records read (entries, skipped and rejected)
 * @param skipped records of no interest (e.g. FollowTheMoney Address entities)
 * @param previousRelease the release this one replaced when it was activated
 * @param added entries new against {@code previousRelease} ({@code null} until activated)
 */
public record Release(
        UUID id,
        String listCode,
        ListFormat format,
        ReleaseState state,
        @Nullable String fileName,
        @Nullable String sha256,
        long sizeBytes,
        long read,
        long imported,
        long skipped,
        long rejected,
        @Nullable UUID previousRelease,
        @Nullable Integer added,
        @Nullable Integer changed,
        @Nullable Integer removed,
        String uploadedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String failureReason,
        @Nullable Instant entriesPurgedAt) {}
