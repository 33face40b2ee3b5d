package org.lodestone.traceability.massbalance;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mass in kg from a quantity and its UN/CEFACT Rec. 20 unit: KGM, TNE (tonne), GRM, LBR (pound). A count (no unit) or
 * any other unit has no mass here and yields null, so it is left out of balances rather than guessed.
 */
final class Units {

    private static final Map<String, BigDecimal> TO_KG = Map.of(
            "KGM", BigDecimal.ONE,
            "TNE", new BigDecimal("1000"),
            "GRM", new BigDecimal("0.001"),
            "LBR", new BigDecimal("0.45359237"));

    private Units() {}

    static @Nullable BigDecimal kg(@Nullable BigDecimal quantity, @Nullable String uom) {
        if (quantity == null || uom == null) {
            return null;
        }
        BigDecimal factor = TO_KG.get(uom.strip());
        return factor == null ? null : quantity.multiply(factor);
    }
}
