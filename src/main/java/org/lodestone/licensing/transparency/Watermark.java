package org.lodestone.licensing.transparency;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What a copy downloaded by authority staff carries: who (name, user name, organisation), when (UTC, ISO 8601), for
 * which case, and a trace id that is also in the DOCUMENT_READ audit entry, so a leaked copy leads to its read.
 */
public record Watermark(
        String viewerName,
        String viewerUsername,
        String organisation,
        Instant at,
        String caseReference,
        String traceId) {

    public String timestamp() {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The one line stamped visibly on every page or image. */
    public String text() {
        return "Viewed by " + viewerName + " (" + viewerUsername + "), " + organisation + ", " + timestamp() + ", case "
                + caseReference + ", trace " + traceId;
    }
}
