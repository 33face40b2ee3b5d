package org.lodestone.traceability.epcis.codec;

/**
 * What a read found.
 *
 * @param events events in the document (accepted + rejected)
 * @param bareEvent the input was a single event, not an EPCISDocument
 */
public record ReadSummary(Syntax syntax, int events, int accepted, int rejected, boolean bareEvent) {}
