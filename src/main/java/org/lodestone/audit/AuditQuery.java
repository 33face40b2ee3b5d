package org.lodestone.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filter for {@link AuditTrail#find}; null fields do not filter. Time range is [from, to). */
public record AuditQuery(
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String actor,
        @Nullable Instant from,
        @Nullable Instant to,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
