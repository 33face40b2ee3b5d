package org.lodestone.licensing.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request for a bulk export of sensitive data (#6): the applications routed to the requester's authority and
 * submitted in [{@code from}, {@code to}], with parties, end use, production and business relationship.
 */
public record ExportRequest(
        UUID id,
        UUID authority,
        UUID requestedBy,
        String requestedByName,
        Instant requestedAt,
        String reason,
        LocalDate from,
        LocalDate to,
        State state,
        @Nullable UUID decidedBy,
        @Nullable String decidedByName,
        @Nullable Instant decidedAt,
        @Nullable String decisionReason,
        @Nullable Instant expiresAt,
        @Nullable Instant downloadedAt,
        @Nullable Integer rowCount,
        long version) {

    public enum State {
        PENDING,
        APPROVED,
        REFUSED,
        DOWNLOADED,
        /** Approved, but not downloaded within the window; derived when read, never stored. */
        EXPIRED
    }
}
