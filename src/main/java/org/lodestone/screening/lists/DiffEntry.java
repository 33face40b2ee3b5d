package org.lodestone.screening.lists;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of a release diff: the entry as it is now (as it was, for REMOVED). */
public record DiffEntry(
        DiffKind kind,
        String entryId,
        String schema,
        String caption,
        List<String> names,
        List<String> countries,
        @Nullable String programme,
        String fingerprint,
        @Nullable String previousFingerprint) {}
