package org.lodestone.traceability.epcis;

import java.io.InputStream;
import java.time.Clock;
import org.lodestone.traceability.epcis.Capturing.DocumentSource;
import org.lodestone.traceability.epcis.codec.EpcisDocumentException;
import org.lodestone.traceability.epcis.codec.EpcisReader;
import org.lodestone.traceability.epcis.codec.ReadLimits;
import org.lodestone.traceability.epcis.codec.ReadOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The capture path's reader: the EPCIS codec with the repository's limits, its outcomes handed to the capture sink
 * and its document-level failures turned into {@link EpcisProblem}s of the same EPCIS exception type.
 */
@Component
class CodecDocumentReading implements DocumentReading {

    private final EpcisReader reader;
    private final EpcisProperties properties;

    CodecDocumentReading(EpcisReader reader, EpcisProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    @Override
    public DocumentSource document(InputStream in, Syntax syntax) {
        return source(in, syntax);
    }

    @Override
    public DocumentSource event(InputStream in, Syntax syntax) {
        return source(in, syntax);
    }

    private DocumentSource source(InputStream in, Syntax syntax) {
        var limits = new ReadLimits(properties.maxEventsPerDocument(), properties.maxFutureSkew(), Clock.systemUTC());
        var codecSyntax = syntax == Syntax.XML
                ? org.lodestone.traceability.epcis.codec.Syntax.XML
                : org.lodestone.traceability.epcis.codec.Syntax.JSON;
        return sink -> {
            try {
                reader.read(in, codecSyntax, limits, outcome -> {
                    switch (outcome) {
                        case ReadOutcome.Accepted a -> sink.accepted(a.index(), a.event());
                        case ReadOutcome.Rejected r -> sink.rejected(r.index(), r.eventId(), r.reason(), r.pointer());
                    }
                });
            } catch (EpcisDocumentException e) {
                throw problem(e);
            }
        };
    }

    static EpcisProblem problem(EpcisDocumentException e) {
        String exception = e.errorType().substring(e.errorType().indexOf(':') + 1);
        String detail = e.detail() + (e.pointer() == null ? "" : " (at " + e.pointer() + ")");
        if (e.errorType().equals(EpcisDocumentException.CAPTURE_LIMIT_EXCEEDED)) {
            return EpcisProblem.captureLimit(detail);
        }
        if (e.errorType().equals(EpcisDocumentException.VALIDATION)) {
            return EpcisProblem.validation(detail);
        }
        return EpcisProblem.of(HttpStatus.BAD_REQUEST, exception, detail);
    }
}
