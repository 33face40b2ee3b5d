package org.lodestone.licensing.transparency;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What part of its access log an owner asks for; null does not filter, the time range is [from, to). */
public record AccessLogFilter(
        @Nullable UUID application,
        @Nullable Instant from,
        @Nullable Instant to,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;

    public AccessLogFilter {
        page = Math.max(0, page);
        size = Math.min(Math.max(1, size), MAX_SIZE);
    }
}
