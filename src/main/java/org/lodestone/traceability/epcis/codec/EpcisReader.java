package org.lodestone.traceability.epcis.codec;

import java.io.InputStream;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads EPCIS 2.0 capture documents (EPCISDocument) and single bare events, in JSON/JSON-LD or XML, one event at a
 * time: the document is never held in memory whole. Each event is validated and converted to the canonical
 * {@link org.lodestone.traceability.epcis.EpcisEvent} (XML events to the same JSON-LD form as JSON ones), or
 * rejected with the field and the reason.
 *
 * <p>Thread-safe and reusable: keep one instance (it is a Spring bean; {@code new EpcisReader()} works too).
 */
@Component
public final class EpcisReader {

    private final JsonDocumentReader json;
    private final XmlDocumentReader xml;

    public EpcisReader() {
        // Own mapper, not the application's: duplicate keys are an error in a capture, and decimals stay exact.
        ObjectMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // subtrees are read one at a time from the document's stream
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        EventDecoder decoder = new EventDecoder();
        this.json = new JsonDocumentReader(mapper, decoder);
        this.xml = new XmlDocumentReader(mapper, decoder);
    }

    /**
     * Streams the events of a capture document or of a single bare event, calling {@code sink} once per event in
     * document order with the accepted event or its rejection.
     *
     * <p>A document-level failure (malformed syntax, wrong root or type, missing {@code @context} in JSON, more than
     * {@code limits.maxEvents()} events, a DTD or external entity in XML) throws {@link EpcisDocumentException}; the
     * sink may already have received outcomes for the events before the failure, so a caller capturing atomically must
     * discard them. Nothing else is thrown for bad input. The stream is read to the end of the document but not closed.
     */
    public ReadSummary read(InputStream in, Syntax syntax, ReadLimits limits, Consumer<ReadOutcome> sink) {
        return switch (syntax) {
            case JSON -> json.read(in, limits, sink);
            case XML -> xml.read(in, limits, sink);
        };
    }
}
