package org.lodestone.traceability.epcis.codec;

import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.epcis.EpcisEvent;

/** What became of one event of a document: accepted as a canonical event, or rejected with the reason. */
public sealed interface ReadOutcome {

    /** Position of the event in the document, from 0. */
    int index();

    record Accepted(int index, EpcisEvent event) implements ReadOutcome {}

    /**
     * @param eventId the event's eventID when it had a readable one
     * @param reason names the field and what is wrong with it; several problems are joined with "; "
     * @param pointer where the (first) problem is: a JSON pointer for JSON, an XPath-like path for XML
     */
    record Rejected(
            int index,
            @Nullable String eventId,
            String reason,
            @Nullable String pointer) implements ReadOutcome {

        /** The EPCIS 2.0 exception type a capture interface reports for a rejected event. */
        public String errorType() {
            return EpcisDocumentException.VALIDATION;
        }
    }
}
