package org.lodestone.controllist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A legal act that suspends other acts or rules from {@code startsOn} to {@code endsOn} (inclusive). Records are
 * append-only: an extension, or the finding that there was none, is a new record that {@code supersedes} the old one.
 * {@code extensionVerified} false means nobody has checked what happened after {@code endsOn}; answers for later dates
 * then carry an uncertainty warning.
 */
public record Suspension(
        String key,
        String legalActKey,
        List<String> suspendsActs,
        List<String> suspendsRules,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        boolean extensionVerified,
        @Nullable String supersedes,
        Confidence confidence,
        @Nullable String note,
        @Nullable String createdBy,
        @Nullable Instant createdAt) {

    public Suspension {
        suspendsActs = List.copyOf(suspendsActs);
        suspendsRules = List.copyOf(suspendsRules);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && (endsOn == null || !date.isAfter(endsOn));
    }

    public boolean suspends(String actOrRuleKey) {
        return suspendsActs.contains(actOrRuleKey) || suspendsRules.contains(actOrRuleKey);
    }
}
