package org.lodestone.licensing.application;

import java.util.Set;
import java.util.UUID;

/**
 * A foreign organisation's part in an application: the parties it gives sealed evidence about, and whether the
 * application accepts evidence now (a DRAFT, or INFORMATION_REQUESTED — the applicant's own rule).
 */
public record Contribution(ApplicationSummary application, Set<UUID> parties, boolean acceptsEvidence) {

    public Contribution {
        parties = Set.copyOf(parties);
    }
}
