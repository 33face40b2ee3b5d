package org.lodestone.traceability.signals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/** A raised signal with its evidence trail. */
public record Signal(
        UUID id,
        SignalKind kind,
        String key,
        @Nullable OrganisationId enterprise,
        @Nullable String region,
        String subject,
        String summary,
        List<Evidence> evidence,
        Instant raisedAt,
        Instant updatedAt,
        State state,
        long version) {

    public Signal {
        evidence = List.copyOf(evidence);
    }

    public enum State {
        OPEN,
        CONFIRMED,
        DISMISSED
    }
}
