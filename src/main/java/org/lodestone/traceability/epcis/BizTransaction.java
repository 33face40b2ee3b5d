package org.lodestone.traceability.epcis;

import org.jspecify.annotations.Nullable;

/**
 * A business transaction an event belongs to (purchase order, despatch advice, …). An export shipment names its
 * licence with type {@link #LICENCE_TYPE} and, as EPCIS wants a URI there, the value {@link #LICENCE_URI_PREFIX}
 * followed by the licence number and optionally {@code #<line>}, e.g. {@code urn:lodestone:licence:CN-JX-2026-000123#1}.
 */
public record BizTransaction(@Nullable String type, String value) {

    /** Lodestone's business transaction type for an export licence; the value is the licence number. */
    public static final String LICENCE_TYPE = "urn:lodestone:btt:licence";

    /** What precedes the licence number in the value of a {@link #LICENCE_TYPE} business transaction. */
    public static final String LICENCE_URI_PREFIX = "urn:lodestone:licence:";
}
