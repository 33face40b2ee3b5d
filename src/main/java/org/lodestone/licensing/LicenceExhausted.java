package org.lodestone.licensing;

/** Published when a shipment has taken the last remaining quantity of every line of a licence. */
public record LicenceExhausted(LicenceNumber licence, String lastShipmentReference) {}
