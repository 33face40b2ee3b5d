package org.lodestone.traceability.signals;

/** What a signal says; the dashboard groups and explains signals by kind. */
public enum SignalKind {
    /** received + opening stock ≠ shipped + closing stock + declared loss beyond the tolerance. */
    IMBALANCE,
    /** Output of a transformation above input × the technically plausible yield. */
    IMPLAUSIBLE_YIELD,
    /** Mining or smelting-separation output of a year above the enterprise's quota. */
    OVER_QUOTA,
    /** An export shipment that names no licence, or a licence that is unknown or not in force. */
    EXPORT_WITHOUT_LICENCE,
    /** An export shipment beyond what is left on the licence. */
    EXPORT_BEYOND_LICENCE,
    /** An export shipment to a party that is not the licensed consignee. */
    EXPORT_TO_OTHER_CONSIGNEE,
    /** An input of a transformation or a shipment whose lot has no traceable origin (never created, received or mined). */
    NO_TRACEABLE_ORIGIN,
    /** The same lot (or instance) shipped out twice without being received back in between. */
    SHIPPED_TWICE,
    /** A lot that, through transformations and aggregations, is its own ancestor. */
    CYCLE
}
