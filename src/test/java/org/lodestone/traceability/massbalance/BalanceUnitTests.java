package org.lodestone.traceability.massbalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The balance equation: opening + received + produced = shipped + consumed + loss + closing, the tolerance as the
 * larger of a fraction of throughput and an absolute floor, and no verdict without a declared closing stock (#5).
 */
class BalanceUnitTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Balance balance(
            String opening,
            String received,
            String produced,
            String consumed,
            String shipped,
            String loss,
            String closing) {
        return Balance.of(
                "site",
                "Dy",
                T,
                T,
                null,
                null,
                new Balance.Figures(
                        d(opening),
                        d(received),
                        d(produced),
                        d(consumed),
                        d(shipped),
                        d(loss),
                        closing == null ? null : d(closing)),
                new BigDecimal("0.02"),
                BigDecimal.ONE,
                Map.of());
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aWarehouseBalancesWhenReceivedPlusOpeningEqualsShippedPlusClosingPlusLoss() {
        Balance b = balance("100", "50", "0", "0", "120", "5", "25");
        assertThat(b.difference()).isEqualByComparingTo("0");
        assertThat(b.withinTolerance()).isTrue();
        assertThat(b.expectedClosing()).isEqualByComparingTo("25");
    }

    @Test
    void aPlantCountsProductionAndConsumption() {
        // 10 + 100 received + 80 produced - 100 consumed - 70 shipped - 2 loss = 18 expected; 18 counted.
        Balance b = balance("10", "100", "80", "100", "70", "2", "18");
        assertThat(b.difference()).isEqualByComparingTo("0");
        assertThat(b.withinTolerance()).isTrue();
    }

    @Test
    void theToleranceIsTwoPercentOfThroughputOrTheFloor() {
        // Throughput 1,000 kg: 20 kg allowed.
        assertThat(balance("1000", "0", "0", "0", "0", "0", "980").withinTolerance())
                .isTrue();
        Balance beyond = balance("1000", "0", "0", "0", "0", "0", "979.9");
        assertThat(beyond.withinTolerance()).isFalse();
        assertThat(beyond.difference()).isEqualByComparingTo("20.1");
        assertThat(beyond.allowed()).isEqualByComparingTo("20");
        // Throughput 10 kg: 0.2 kg by fraction, but the 1 kg floor applies.
        assertThat(balance("10", "0", "0", "0", "0", "0", "9").withinTolerance())
                .isTrue();
        assertThat(balance("10", "0", "0", "0", "0", "0", "8.9").withinTolerance())
                .isFalse();
        // More counted than expected is as wrong as less.
        assertThat(balance("1000", "0", "0", "0", "0", "0", "1021").withinTolerance())
                .isFalse();
    }

    @Test
    void withoutAClosingStockThereIsNoVerdict() {
        Balance b = balance("100", "50", "0", "0", "30", "0", null);
        assertThat(b.closing()).isNull();
        assertThat(b.difference()).isNull();
        assertThat(b.withinTolerance()).isNull();
        assertThat(b.expectedClosing()).isEqualByComparingTo("120");
    }
}
