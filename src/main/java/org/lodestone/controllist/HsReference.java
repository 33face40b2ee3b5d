package org.lodestone.controllist;

/** A customs commodity code an announcement gives for reference; never decisive on its own. */
public record HsReference(String code, Confidence confidence) {}
