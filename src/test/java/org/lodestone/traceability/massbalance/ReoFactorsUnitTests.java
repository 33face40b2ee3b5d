package org.lodestone.traceability.massbalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oxide factors from atomic weights match the published REO conversion factors (#5). */
class ReoFactorsUnitTests {

    @ParameterizedTest(name = "{0} -> {1} x {2}")
    @CsvSource({
        "Dy, Dy2O3, 1.1477",
        "Nd, Nd2O3, 1.1664",
        "Pr, Pr6O11, 1.2082",
        "Tb, Tb4O7, 1.1762",
        "Ce, CeO2, 1.2284",
        "La, La2O3, 1.1728",
        "Y, Y2O3, 1.2699",
        "Sm, Sm2O3, 1.1596",
        "Lu, Lu2O3, 1.1372"
    })
    void factorsMatchPublishedValues(String element, String formula, double factor) {
        ReoFactors.Oxide oxide = ReoFactors.of(element).orElseThrow();
        assertThat(oxide.formula()).isEqualTo(formula);
        assertThat(oxide.factor().doubleValue()).isCloseTo(factor, within(0.0001));
    }

    @Test
    void elementsThatAreNoRareEarthHaveNoOxideAndCountZero() {
        assertThat(ReoFactors.of("Fe")).isEmpty();
        assertThat(ReoFactors.of("B")).isEmpty();
        assertThat(ReoFactors.reoKg("Fe", new BigDecimal("100"))).isEqualByComparingTo("0");
        assertThat(ReoFactors.reoKg("Dy", new BigDecimal("1000")).doubleValue()).isCloseTo(1147.7, within(0.05));
        assertThat(ReoFactors.all()).hasSize(16);
    }
}
