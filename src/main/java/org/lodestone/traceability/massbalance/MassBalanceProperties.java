package org.lodestone.traceability.massbalance;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.chain.ProductType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lodestone.traceability.mass-balance.*}: a balance is within tolerance when |difference| ≤ max(tolerance ×
 * throughput, absolute-floor-kg), throughput being opening stock + received + produced; a transformation's output of an
 * element may not exceed its input × the plausible yield of the output's product type (+ the absolute floor, for
 * rounding). Yields default to {@link #DEFAULT_YIELDS}: material cannot be created, and separation and reduction to
 * metal lose at least half a percent.
 *
 * @param tolerance fraction of throughput, default 0.02
 * @param absoluteFloorKg kg, default 1
 * @param yields per output product type, overriding the defaults (e.g. {@code yields.MAGNET=0.98})
 */
@ConfigurationProperties("lodestone.traceability.mass-balance")
public record MassBalanceProperties(
        @DefaultValue("0.02") BigDecimal tolerance,
        @DefaultValue("1") BigDecimal absoluteFloorKg,
        @Nullable Map<ProductType, BigDecimal> yields) {

    public static final Map<ProductType, BigDecimal> DEFAULT_YIELDS = defaults();

    private static Map<ProductType, BigDecimal> defaults() {
        Map<ProductType, BigDecimal> m = new EnumMap<>(ProductType.class);
        for (ProductType t : ProductType.values()) {
            m.put(t, BigDecimal.ONE);
        }
        m.put(ProductType.SEPARATED_OXIDE, new BigDecimal("0.995"));
        m.put(ProductType.METAL, new BigDecimal("0.995"));
        return Map.copyOf(m);
    }

    public MassBalanceProperties {
        Map<ProductType, BigDecimal> merged = new EnumMap<>(DEFAULT_YIELDS);
        if (yields != null) {
            merged.putAll(yields);
        }
        yields = Map.copyOf(merged);
    }

    /** The plausible yield of a transformation into this product type. */
    public BigDecimal yieldOf(@Nullable ProductType type) {
        return type == null ? BigDecimal.ONE : yields().getOrDefault(type, BigDecimal.ONE);
    }

    @Override
    public Map<ProductType, BigDecimal> yields() {
        return yields == null ? DEFAULT_YIELDS : yields;
    }
}
