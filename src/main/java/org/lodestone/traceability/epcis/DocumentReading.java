package org.lodestone.traceability.epcis;

import java.io.InputStream;
import org.lodestone.traceability.epcis.Capturing.DocumentSource;

/**
 * Turns a capture body into events: the EPCIS document codec (JSON/JSON-LD and XML, schema validation, limits) behind
 * one seam, so the repository streams events from whatever reads them.
 */
public interface DocumentReading {

    /** The syntax of a capture body, from its Content-Type. */
    enum Syntax {
        JSON,
        XML
    }

    /** A source that reads an EPCISDocument from the stream (closing it is the caller's business). */
    DocumentSource document(InputStream in, Syntax syntax);

    /** A source that reads one bare event (the body of {@code POST /epcis/events}). */
    DocumentSource event(InputStream in, Syntax syntax);
}
