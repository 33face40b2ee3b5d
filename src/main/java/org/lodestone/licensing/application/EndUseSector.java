package org.lodestone.licensing.application;

/** Structured end-use sector of the final product; completeness rules may depend on it. */
public enum EndUseSector {
    EV_TRACTION_MOTORS,
    WIND_TURBINES,
    CONSUMER_ELECTRONICS,
    INDUSTRIAL_MOTORS,
    MEDICAL,
    RESEARCH,
    AEROSPACE_CIVIL,
    OTHER
}
