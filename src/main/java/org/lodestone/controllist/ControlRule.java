package org.lodestone.controllist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule beyond "listed item needs a licence": a prohibition for destinations and end uses, the extraterritorial
 * value-share threshold, or a review note. Empty {@code destinations}/{@code endUses}/{@code appliesToActs} mean "any".
 */
public record ControlRule(
        String key,
        RuleKind kind,
        String legalActKey,
        String article,
        String description,
        List<String> destinations,
        List<EndUse> endUses,
        List<String> appliesToActs,
        @Nullable BigDecimal valueThresholdPercent,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        Confidence confidence,
        @Nullable String note) {

    public ControlRule {
        destinations = List.copyOf(destinations);
        endUses = List.copyOf(endUses);
        appliesToActs = List.copyOf(appliesToActs);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
