package org.lodestone.traceability.epcis.codec;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.epcis.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams an EPCIS 2.0 JSON/JSON-LD capture document (or a bare event) with Jackson's streaming parser: the document's
 * header fields are read as small trees, the events of {@code epcisBody.eventList} one subtree at a time, each
 * decoded and handed to the sink before the next is read. Only when a document puts {@code epcisBody} before its
 * {@code @context} or {@code type} (legal JSON, unusual) are the events kept until the header has been read.
 */
final class JsonDocumentReader {

    private final ObjectMapper mapper;
    private final EventDecoder decoder;

    JsonDocumentReader(ObjectMapper mapper, EventDecoder decoder) {
        this.mapper = mapper;
        this.decoder = decoder;
    }

    ReadSummary read(InputStream in, ReadLimits limits, Consumer<ReadOutcome> sink) {
        Run run = new Run(limits, sink);
        try (JsonParser p = mapper.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw EpcisDocumentException.invalid("the document must be a JSON object", "/");
            }
            ObjectNode header = mapper.createObjectNode();
            boolean body = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("epcisBody") && !body) {
                    body = true;
                    if (value != JsonToken.START_OBJECT) {
                        throw EpcisDocumentException.invalid("epcisBody: must be an object", "/epcisBody");
                    }
                    if (header.has("@context") && header.has("type")) {
                        run.context = documentHeader(header);
                    }
                    readBody(p, run);
                } else {
                    header.set(name, mapper.readTree(p));
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw EpcisDocumentException.invalid("malformed JSON: content after the document", location(p));
            }
            if (!body) {
                return bareEvent(header, run);
            }
            if (run.context == null) {
                run.context = documentHeader(header);
                for (ObjectNode event : run.deferred) {
                    run.decode(event);
                }
            }
            return new ReadSummary(Syntax.JSON, run.index, run.accepted, run.index - run.accepted, false);
        } catch (JacksonException e) {
            throw EpcisDocumentException.invalid(
                    "malformed JSON: " + e.getOriginalMessage(), location(e.getLocation()), e);
        }
    }

    private void readBody(JsonParser p, Run run) {
        boolean eventList = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!name.equals("eventList")) {
                throw EpcisDocumentException.invalid(
                        "epcisBody." + name + ": a capture document's body has only an eventList",
                        "/epcisBody/" + name);
            }
            if (value != JsonToken.START_ARRAY) {
                throw EpcisDocumentException.invalid("epcisBody.eventList: must be an array", "/epcisBody/eventList");
            }
            eventList = true;
            while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
                if (run.index + run.deferred.size() >= run.limits.maxEvents()) {
                    throw new EpcisDocumentException(
                            EpcisDocumentException.CAPTURE_LIMIT_EXCEEDED,
                            "the document has more than " + run.limits.maxEvents() + " events",
                            "/epcisBody/eventList/" + run.limits.maxEvents(),
                            null);
                }
                JsonNode event = mapper.readTree(p);
                if (!(event instanceof ObjectNode object)) {
                    int index = run.index + run.deferred.size();
                    throw EpcisDocumentException.invalid(
                            "epcisBody.eventList[" + index + "]: an event must be a JSON object",
                            "/epcisBody/eventList/" + index);
                }
                if (run.context == null) {
                    run.deferred.add(object);
                } else {
                    run.decode(object);
                }
            }
        }
        if (!eventList) {
            throw EpcisDocumentException.invalid("epcisBody.eventList: missing", "/epcisBody");
        }
    }

    /** Checks the capture document's own fields; returns the prefixes its @context declares. */
    private static JsonLdContext documentHeader(ObjectNode header) {
        JsonNode type = header.get("type");
        if (type == null || !type.isString() || !type.stringValue().equals("EPCISDocument")) {
            throw EpcisDocumentException.invalid(
                    "type: a capture document has type EPCISDocument, not " + (type == null ? "none" : type), "/type");
        }
        JsonNode context = header.get("@context");
        if (context == null) {
            throw EpcisDocumentException.invalid("@context: missing (a JSON-LD document must declare it)", "/@context");
        }
        JsonNode version = header.get("schemaVersion");
        if (version == null || !version.isString() || !version.stringValue().startsWith("2.")) {
            throw EpcisDocumentException.invalid("schemaVersion: must be \"2.0\"", "/schemaVersion");
        }
        JsonNode creationDate = header.get("creationDate");
        if (creationDate == null || EventValidator.dateTime(creationDate) == null) {
            throw EpcisDocumentException.invalid(
                    "creationDate: missing or not a date-time with offset", "/creationDate");
        }
        return JsonLdContext.of(context);
    }

    private ReadSummary bareEvent(ObjectNode event, Run run) {
        JsonNode type = event.get("type");
        if (type == null || !type.isString() || EventType.ofDocumentName(type.stringValue()) == null) {
            throw EpcisDocumentException.invalid(
                    "type: expected an EPCISDocument with an epcisBody, or a single EPCIS event, got "
                            + (type == null ? "no type" : type),
                    "/type");
        }
        if (!event.has("@context")) {
            throw EpcisDocumentException.invalid("@context: missing (a JSON-LD event must declare it)", "/@context");
        }
        run.pointer = "";
        run.decode(event);
        return new ReadSummary(Syntax.JSON, 1, run.accepted, 1 - run.accepted, true);
    }

    private static @Nullable String location(JsonParser p) {
        return location(p.currentLocation());
    }

    private static @Nullable String location(@Nullable TokenStreamLocation l) {
        return l == null ? null : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** The state of one read. */
    private final class Run {
        final ReadLimits limits;
        final Consumer<ReadOutcome> sink;
        final Instant now;
        final long skew;
        final List<ObjectNode> deferred = new ArrayList<>(0);

        @Nullable
        JsonLdContext context;

        String pointer = "/epcisBody/eventList/";
        int index;
        int accepted;

        Run(ReadLimits limits, Consumer<ReadOutcome> sink) {
            this.limits = limits;
            this.sink = sink;
            this.now = limits.clock().instant();
            this.skew = limits.maxFutureSkew().toSeconds();
        }

        void decode(ObjectNode event) {
            int i = index++;
            ReadOutcome outcome = decoder.decode(
                    event,
                    context == null ? JsonLdContext.EMPTY : context,
                    i,
                    pointer.isEmpty() ? "" : pointer + i,
                    now,
                    skew);
            if (outcome instanceof ReadOutcome.Accepted) {
                accepted++;
            }
            sink.accept(outcome);
        }
    }
}
