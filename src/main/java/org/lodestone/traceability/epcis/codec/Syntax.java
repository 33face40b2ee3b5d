package org.lodestone.traceability.epcis.codec;

/** The two EPCIS 2.0 document syntaxes. {@link #JSON} covers {@code application/json} and {@code application/ld+json}. */
public enum Syntax {
    JSON,
    XML
}
