package org.lodestone.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shipment recorded against a licence; its lines carry the quantity as declared and converted to the line's unit.
 *
 * @param repeated true when this answer is the first shipment recorded under the same reference (nothing depleted)
 */
public record Shipment(
        UUID id,
        LicenceNumber licence,
        LocalDate shipmentDate,
        String reference,
        @Nullable String consignee,
        String source,
        List<Line> lines,
        Instant recordedAt,
        String recordedBy,
        boolean repeated) {

    public Shipment {
        lines = List.copyOf(lines);
    }

    public Shipment asRepeat() {
        return new Shipment(
                id, licence, shipmentDate, reference, consignee, source, lines, recordedAt, recordedBy, true);
    }

    public record Line(
            int line,
            java.math.BigDecimal quantity,
            String unit,
            java.math.BigDecimal quantityInLineUnit,
            String lineUnit) {}
}
