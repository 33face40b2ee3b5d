package org.lodestone.traceability.chain;

/** What a reporting enterprise does at a site. */
public enum SiteKind {
    MINE,
    SEPARATION_PLANT,
    SMELTER,
    ALLOY_PLANT,
    MAGNET_PLANT,
    WAREHOUSE,
    PORT
}
