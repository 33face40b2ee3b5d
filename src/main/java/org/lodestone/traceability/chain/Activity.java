package org.lodestone.traceability.chain;

/** What a reporting enterprise does along the rare-earth chain (an enterprise may do several). */
public enum Activity {
    MINING,
    SEPARATION,
    SMELTING,
    ALLOY_MAKING,
    MAGNET_MAKING,
    MANUFACTURING,
    TRADING,
    EXPORT
}
