package org.lodestone.traceability.massbalance;

/** What a movement row says happened to a quantity of a lot at a site. */
public enum MovementKind {
    RECEIVED,
    PRODUCED,
    CONSUMED,
    SHIPPED,
    LOSS,
    /** A stock declaration (cycle count, inventory): what was at the site at the event time. */
    STOCK
}
