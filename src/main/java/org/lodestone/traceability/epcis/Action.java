package org.lodestone.traceability.epcis;

/** EPCIS action: how an event relates to the lifecycle of the objects it names (absent on TransformationEvent). */
public enum Action {
    ADD,
    OBSERVE,
    DELETE
}
