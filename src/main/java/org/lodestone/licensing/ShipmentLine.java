package org.lodestone.licensing;

import java.math.BigDecimal;

/** How much of one licence line a shipment takes, in any unit convertible to the line's unit (kg, g, t). */
public record ShipmentLine(int line, BigDecimal quantity, String unit) {}
