package org.lodestone.traceability.genealogy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A trace as a graph: the nodes reached from the root and the links walked, in the flow direction of the material
 * ({@code from} went into {@code to}) whichever way the trace walked. {@code truncated} when the node bound or the
 * depth bound stopped the walk before the end.
 */
public record Trace(String root, Direction direction, List<TraceNode> nodes, List<TraceEdge> edges, boolean truncated) {

    public Trace {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public enum Direction {
        BACKWARD,
        FORWARD
    }

    /**
     * @param kind lot, instance or shipment
     * @param depth generations from the root (0 for the root)
     * @param owner the enterprise that created it, by name, when known
     * @param shipment destination and licence of a shipment node
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TraceNode(
            long id,
            String identifier,
            String kind,
            @Nullable String productType,
            @Nullable String owner,
            int depth,
            @Nullable ShipmentInfo shipment) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentInfo(
            @Nullable String destinationParty,
            @Nullable String destinationLocation,
            @Nullable String licence) {}

    /**
     * @param quantity how much of {@code from} went in (or was shipped), as the event states it
     * @param outputQuantity how much of {@code to} a transformation made
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TraceEdge(
            long from,
            long to,
            String kind,
            @Nullable String eventId,
            Instant eventTime,
            @Nullable BigDecimal quantity,
            @Nullable String uom,
            @Nullable BigDecimal outputQuantity,
            @Nullable String outputUom) {}
}
