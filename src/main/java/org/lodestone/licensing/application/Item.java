package org.lodestone.licensing.application;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ItemForm;

/**
 * One item to be exported: the control-list entry it falls under (entry key, with the control number when the list
 * gives one), its form, quantity and unit value, and element content in mass percent by symbol.
 */
public record Item(
        UUID id,
        String controlEntry,
        @Nullable String controlNumber,
        ItemForm form,
        String description,
        BigDecimal quantity,
        QuantityUnit unit,
        BigDecimal unitValue,
        String currency,
        Map<String, BigDecimal> elements,
        @Nullable String hsCode,
        @Nullable String specification) {

    public Item {
        elements = Map.copyOf(elements);
    }
}
