package org.lodestone.traceability.massbalance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mass balance of one element at one site over one period, in kg: opening stock + received + produced = shipped +
 * consumed + declared loss + closing stock (for a site without transformations, the received + opening =
 * shipped + closing + loss). {@code difference} is left − right, so a positive difference is material that left
 * without a record. Without a declared closing stock there is nothing to compare: difference and withinTolerance are
 * null and {@code expectedClosing} says what the count should find. Guarded by {@code BalanceUnitTests}.
 *
 * @param periodStart the opening stock declaration's time (movements after it count), or the period's start
 * @param periodEnd the closing stock declaration's time (movements up to it count), or the period's end (exclusive)
 * @param allowed the tolerance in kg: max(tolerance × throughput, absolute floor)
 * @param events the events behind each figure, by movement kind (capped)
 */
public record Balance(
        String site,
        String element,
        Instant periodStart,
        Instant periodEnd,
        @Nullable String openingEvent,
        @Nullable String closingEvent,
        BigDecimal opening,
        BigDecimal received,
        BigDecimal produced,
        BigDecimal consumed,
        BigDecimal shipped,
        BigDecimal loss,
        @Nullable BigDecimal closing,
        BigDecimal expectedClosing,
        @Nullable BigDecimal difference,
        BigDecimal allowed,
        @Nullable Boolean withinTolerance,
        Map<MovementKind, List<String>> events) {

    public Balance {
        events = Map.copyOf(events);
    }

    /** The same balance reported for the period as the caller named it (bounds without a stock declaration). */
    Balance during(Instant start, Instant end) {
        return new Balance(
                site,
                element,
                start,
                end,
                openingEvent,
                closingEvent,
                opening,
                received,
                produced,
                consumed,
                shipped,
                loss,
                closing,
                expectedClosing,
                difference,
                allowed,
                withinTolerance,
                events);
    }

    /** Figures of one site and element, before the equation is applied. */
    public record Figures(
            BigDecimal opening,
            BigDecimal received,
            BigDecimal produced,
            BigDecimal consumed,
            BigDecimal shipped,
            BigDecimal loss,
            @Nullable BigDecimal closing) {}

    /** Applies the equation and the tolerance to the figures. */
    public static Balance of(
            String site,
            String element,
            Instant periodStart,
            Instant periodEnd,
            @Nullable String openingEvent,
            @Nullable String closingEvent,
            Figures f,
            BigDecimal tolerance,
            BigDecimal floorKg,
            Map<MovementKind, List<String>> events) {
        BigDecimal in = f.opening().add(f.received()).add(f.produced());
        BigDecimal expected = in.subtract(f.shipped()).subtract(f.consumed()).subtract(f.loss());
        BigDecimal allowed = tolerance.multiply(in).max(floorKg);
        BigDecimal difference = f.closing() == null ? null : expected.subtract(f.closing());
        Boolean within = difference == null ? null : difference.abs().compareTo(allowed) <= 0;
        return new Balance(
                site,
                element,
                periodStart,
                periodEnd,
                openingEvent,
                closingEvent,
                scale(f.opening()),
                scale(f.received()),
                scale(f.produced()),
                scale(f.consumed()),
                scale(f.shipped()),
                scale(f.loss()),
                f.closing() == null ? null : scale(f.closing()),
                scale(expected),
                difference == null ? null : scale(difference),
                scale(allowed),
                within,
                events);
    }

    private static BigDecimal scale(BigDecimal kg) {
        return kg.setScale(3, java.math.RoundingMode.HALF_EVEN);
    }
}
