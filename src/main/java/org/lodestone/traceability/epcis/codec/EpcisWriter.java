package org.lodestone.traceability.epcis.codec;

import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as EPCIS 2.0 JSON-LD: an EPCISQueryDocument of query results, streamed event by event, or a single
 * event. Each event is its {@link EpcisEvent#json()} as kept: vocabulary in the bare CBV form, extensions with their
 * prefixes, and an event-level {@code @context} object declaring those prefixes (valid JSON-LD: the document context
 * applies to every event, each event's own context adds its namespaces; it spares a pass over all events to merge
 * them, so results stream). Thread-safe.
 */
@Component
public final class EpcisWriter {

    /** The standard EPCIS 2.0 JSON-LD context every document names first. */
    public static final String EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

    private final ObjectMapper mapper;
    private final Clock clock;

    public EpcisWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock gives the documents' creationDate */
    public EpcisWriter(Clock clock) {
        this.clock = clock;
        this.mapper = JsonMapper.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the caller owns the stream
                .build();
    }

    /**
     * Writes an EPCISQueryDocument whose {@code epcisBody.queryResults.resultsBody.eventList} holds the events, in the
     * iterator's order, without holding them all in memory. The stream is flushed, not closed.
     *
     * @param subscriptionId the subscription the results answer, if any
     * @param queryName the query, {@code SimpleEventQuery} when null
     */
    public void writeQueryDocument(
            OutputStream out,
            Iterator<EpcisEvent> events,
            @Nullable String subscriptionId,
            @Nullable String queryName) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("@context");
            g.writeString(EPCIS_CONTEXT);
            g.writeEndArray();
            g.writeStringProperty("type", "EPCISQueryDocument");
            g.writeStringProperty("schemaVersion", "2.0");
            g.writeStringProperty("creationDate", creationDate());
            g.writeObjectPropertyStart("epcisBody");
            g.writeObjectPropertyStart("queryResults");
            if (subscriptionId != null) {
                g.writeStringProperty("subscriptionID", subscriptionId);
            }
            g.writeStringProperty("queryName", queryName == null ? "SimpleEventQuery" : queryName);
            g.writeObjectPropertyStart("resultsBody");
            g.writeArrayPropertyStart("eventList");
            while (events.hasNext()) {
                mapper.writeTree(g, events.next().json());
            }
            g.writeEndArray();
            g.writeEndObject(); // resultsBody
            g.writeEndObject(); // queryResults
            g.writeEndObject(); // epcisBody
            g.writeEndObject();
            g.flush();
        }
    }

    /** {@link #writeQueryDocument(OutputStream, Iterator, String, String)} for a list. */
    public void writeQueryDocument(
            OutputStream out,
            Iterable<EpcisEvent> events,
            @Nullable String subscriptionId,
            @Nullable String queryName) {
        writeQueryDocument(out, events.iterator(), subscriptionId, queryName);
    }

    /**
     * Writes one event as a standalone JSON-LD object: its json() with {@code @context} the standard context followed
     * by the event's own prefixes. The stream is flushed, not closed.
     */
    public void writeEvent(OutputStream out, EpcisEvent event) {
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("@context");
            g.writeString(EPCIS_CONTEXT);
            JsonNode own = event.json().get("@context");
            if (own != null) {
                mapper.writeTree(g, own);
            }
            g.writeEndArray();
            for (Map.Entry<String, JsonNode> e : event.json().properties()) {
                if (!e.getKey().equals("@context")) {
                    g.writeName(e.getKey());
                    mapper.writeTree(g, e.getValue());
                }
            }
            g.writeEndObject();
            g.flush();
        }
    }

    private String creationDate() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
