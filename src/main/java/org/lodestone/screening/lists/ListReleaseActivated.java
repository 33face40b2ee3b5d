package org.lodestone.screening.lists;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published, in the activating transaction, when a release of a list became the active one; the screening workflow
 * rebuilds its index and re-screens open applications and live licences.
 *
 * @param previousRelease the release it replaced, {@code null} for a list's first release
 */
public record ListReleaseActivated(
        String listCode,
        UUID release,
        @Nullable UUID previousRelease,
        int added,
        int changed,
        int removed,
        Instant at) {}
