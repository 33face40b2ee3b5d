package org.lodestone.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored row of the trail, with its place in the chain. */
public record AuditEntry(
        long sequence,
        Instant occurredAt,
        String actor,
        @Nullable String organisationId,
        String action,
        String objectType,
        @Nullable String objectId,
        AuditRecord.Outcome outcome,
        @Nullable String detail,
        @Nullable String requestId,
        String previousHash,
        String hash) {}
