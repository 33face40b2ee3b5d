package org.lodestone.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Published when a shipment has depleted a licence (not for a repeated reference). */
public record ShipmentRecorded(
        LicenceNumber licence, UUID shipmentId, String reference, LocalDate shipmentDate, List<Shipment.Line> lines) {

    public ShipmentRecorded {
        lines = List.copyOf(lines);
    }
}
