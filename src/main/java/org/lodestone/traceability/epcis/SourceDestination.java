package org.lodestone.traceability.epcis;

/**
 * A source or destination of a business transfer: {@code type} is the CBV type ({@code owning_party},
 * {@code possessing_party}, {@code location}) in its bare form, {@code value} the party or location identifier.
 */
public record SourceDestination(String type, String value) {}
