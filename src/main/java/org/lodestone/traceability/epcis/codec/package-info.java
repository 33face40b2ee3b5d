/**
 * Reading and writing EPCIS 2.0 documents: capture documents and bare events in JSON/JSON-LD and XML are streamed
 * event by event, validated against the standard (the official XSD for XML, the JSON schema's constraints in
 * {@code EventValidator} for JSON) and converted to the canonical {@link org.lodestone.traceability.epcis.EpcisEvent};
 * query results are written as EPCIS 2.0 JSON-LD.
 */
@NullMarked
package org.lodestone.traceability.epcis.codec;

import org.jspecify.annotations.NullMarked;
