package org.lodestone.licensing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shipment to record against a licence. {@code reference} (customs declaration number, EPCIS event id, …) is unique
 * per licence: recording the same reference again returns the first shipment and depletes nothing.
 *
 * @param consignee the receiving party if it is named on the shipping documents
 * @param source who reports it: {@code API}, {@code UI}, {@code TRACEABILITY}, …
 */
public record RecordShipment(
        LicenceNumber licence,
        LocalDate shipmentDate,
        String reference,
        List<ShipmentLine> lines,
        @Nullable String consignee,
        String source) {

    public RecordShipment {
        lines = List.copyOf(lines);
    }
}
