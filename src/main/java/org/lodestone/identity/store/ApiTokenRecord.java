package org.lodestone.identity.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.UserId;

/** A stored API token, without its hash: what an owner may see about it. */
public record ApiTokenRecord(
        UUID id,
        UserId userId,
        String name,
        String prefix,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
