package org.lodestone.licensing.application;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One audited move in an application's history; {@code from} is null for its creation. */
public record StateChange(
        @Nullable ApplicationState from,
        ApplicationState to,
        String actor,
        @Nullable String actorOrganisation,
        Instant at,
        @Nullable String reason,
        int revision) {}
