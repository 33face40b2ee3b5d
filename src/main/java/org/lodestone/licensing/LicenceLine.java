package org.lodestone.licensing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A licensed item with what is left of it after the shipments recorded so far. */
public record LicenceLine(
        int lineNo,
        @Nullable String controlNumber,
        String entryKey,
        String description,
        BigDecimal quantity,
        BigDecimal remaining,
        String unit,
        BigDecimal unitValue,
        String currency) {

    public BigDecimal shipped() {
        return quantity.subtract(remaining);
    }

    public BigDecimal totalValue() {
        return quantity.multiply(unitValue);
    }
}
