package org.lodestone.licensing.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Past business with the consignee: since when, and yearly volumes as a quantity, a value, or both. */
public record BusinessRelationship(
        @Nullable LocalDate since,
        List<Volume> volumes,
        @Nullable String notes) {

    public static final BusinessRelationship NONE = new BusinessRelationship(null, List.of(), null);

    public BusinessRelationship {
        volumes = List.copyOf(volumes);
    }

    public record Volume(
            int year,
            @Nullable BigDecimal quantity,
            @Nullable QuantityUnit unit,
            @Nullable BigDecimal value,
            @Nullable String currency) {}
}
