package org.lodestone.traceability.chain;

/** Where a lot or product class stands along the chain, from the mine to the finished product. */
public enum ProductType {
    ORE_CONCENTRATE,
    MIXED_CARBONATE,
    MIXED_CHLORIDE,
    SEPARATED_OXIDE,
    METAL,
    ALLOY,
    MAGNET,
    FINISHED_PRODUCT
}
