package org.lodestone.traceability.epcis.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.BizTransaction;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.lodestone.traceability.epcis.SourceDestination;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Turns one event in JSON-LD form (as read from JSON, or converted from XML) into an {@link EpcisEvent} or a rejection:
 * validates it ({@link EventValidator}), normalises vocabulary to the bare CBV form, drops the captured recordTime
 * (the repository sets its own), keeps the namespace prefixes the event uses in an event-level {@code @context} (so
 * that {@code json()} is self-describing without the capture document), assigns a content-hash eventID when absent,
 * and extracts the indexed fields. Thread-safe.
 */
final class EventDecoder {

    private final EventValidator validator = new EventValidator();

    /**
     * @param event the event object; it becomes the event's {@code json()} and must not be used by the caller after
     * @param at where the event is in its document (JSON pointer or XPath-like path)
     */
    ReadOutcome decode(
            ObjectNode event, JsonLdContext documentContext, int index, String at, Instant now, long maxSkewSeconds) {
        JsonNode idNode = event.get("eventID");
        String eventId = idNode != null && idNode.isString() ? idNode.stringValue() : null;
        JsonNode typeNode = event.get("type");
        EventType type =
                typeNode != null && typeNode.isString() ? EventType.ofDocumentName(typeNode.stringValue()) : null;
        if (type == null) {
            return new ReadOutcome.Rejected(
                    index,
                    eventId,
                    "type: "
                            + (typeNode == null
                                    ? "missing"
                                    : "'" + typeNode.asString("") + "' is not an EPCIS 2.0 event type"),
                    at + "/type");
        }
        JsonLdContext context = documentContext.with(event.get("@context"));
        EventValidator.Violations violations = validator.validate(event, type, context, at, now, maxSkewSeconds);
        if (!violations.isEmpty()) {
            return new ReadOutcome.Rejected(index, eventId, violations.reason(), violations.pointer());
        }
        normaliseVocabulary(event);
        event.remove("recordTime");
        event.remove("@context");
        if (eventId == null) {
            eventId = EventHash.of(event);
            event.put("eventID", eventId);
        }
        Map<String, String> used = new TreeMap<>();
        usedPrefixes(event, context, used);
        if (!used.isEmpty()) {
            ObjectNode eventContext = event.objectNode();
            used.forEach(eventContext::put);
            event.set("@context", eventContext);
        }
        return new ReadOutcome.Accepted(index, model(event, type, eventId));
    }

    // ---- normalisation: CBV terms bare, anything else as captured

    private static void normaliseVocabulary(ObjectNode event) {
        canonical(event, "bizStep", Cbv.BIZ_STEP);
        canonical(event, "disposition", Cbv.DISPOSITION);
        for (JsonNode t : event.path("bizTransactionList")) {
            canonical((ObjectNode) t, "type", Cbv.BIZ_TRANSACTION_TYPE);
        }
        for (JsonNode sd : event.path("sourceList")) {
            canonical((ObjectNode) sd, "type", Cbv.SOURCE_DESTINATION_TYPE);
        }
        for (JsonNode sd : event.path("destinationList")) {
            canonical((ObjectNode) sd, "type", Cbv.SOURCE_DESTINATION_TYPE);
        }
        if (event.get("errorDeclaration") instanceof ObjectNode declaration) {
            canonical(declaration, "reason", Cbv.ERROR_REASON);
        }
        if (event.get("persistentDisposition") instanceof ObjectNode pd) {
            for (String key : List.of("set", "unset")) {
                if (pd.get(key) instanceof ArrayNode list) {
                    for (int i = 0; i < list.size(); i++) {
                        String value = list.get(i).stringValue();
                        String canonical = Cbv.DISPOSITION.canonical(value);
                        if (canonical != null && !canonical.equals(value)) {
                            list.set(i, StringNode.valueOf(canonical));
                        }
                    }
                }
            }
        }
        for (JsonNode element : event.path("sensorElementList")) {
            for (JsonNode report : element.path("sensorReport")) {
                JsonNode type = report.get("type");
                if (type != null) {
                    String canonical = SensorTypes.canonical(type.stringValue());
                    if (!canonical.equals(type.stringValue())) {
                        ((ObjectNode) report).put("type", canonical);
                    }
                }
            }
        }
    }

    private static void canonical(ObjectNode node, String field, Cbv vocabulary) {
        JsonNode value = node.get(field);
        if (value != null && value.isString()) {
            String canonical = vocabulary.canonical(value.stringValue());
            if (canonical != null && !canonical.equals(value.stringValue())) {
                node.put(field, canonical);
            }
        }
    }

    /** Prefixes declared by the document (not by the standard context) that the event's field names or values use. */
    private static void usedPrefixes(JsonNode node, JsonLdContext context, Map<String, String> used) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                prefixOf(e.getKey(), context, used);
                usedPrefixes(e.getValue(), context, used);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                usedPrefixes(n, context, used);
            }
        } else if (node.isString()) {
            prefixOf(node.stringValue(), context, used);
        }
    }

    private static void prefixOf(String name, JsonLdContext context, Map<String, String> used) {
        String prefix = Uris.prefixOf(name);
        if (prefix != null) {
            String iri = context.documentIri(prefix);
            if (iri != null) {
                used.put(prefix, iri);
            }
        }
    }

    // ---- the indexed fields

    private static EpcisEvent model(ObjectNode e, EventType type, String eventId) {
        Instant eventTime = EventValidator.dateTime(e.get("eventTime"));
        JsonNode action = e.get("action");
        boolean children = type == EventType.AGGREGATION || type == EventType.ASSOCIATION;
        return new EpcisEvent(
                type,
                eventId,
                eventTime,
                e.get("eventTimeZoneOffset").stringValue(),
                action == null ? null : Action.valueOf(action.stringValue()),
                string(e.get("bizStep")),
                string(e.get("disposition")),
                string(e.path("readPoint").get("id")),
                string(e.path("bizLocation").get("id")),
                string(e.get("parentID")),
                strings(e.get(children ? "childEPCs" : "epcList")),
                quantities(e.get(children ? "childQuantityList" : "quantityList")),
                strings(e.get("inputEPCList")),
                quantities(e.get("inputQuantityList")),
                strings(e.get("outputEPCList")),
                quantities(e.get("outputQuantityList")),
                bizTransactions(e.get("bizTransactionList")),
                sourcesOrDestinations(e.get("sourceList"), "source"),
                sourcesOrDestinations(e.get("destinationList"), "destination"),
                e);
    }

    private static @Nullable String string(@Nullable JsonNode n) {
        return n == null || !n.isString() ? null : n.stringValue();
    }

    private static List<String> strings(@Nullable JsonNode list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        for (JsonNode n : list) {
            out.add(n.stringValue());
        }
        return out;
    }

    private static List<QuantityElement> quantities(@Nullable JsonNode list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<QuantityElement> out = new ArrayList<>(list.size());
        for (JsonNode q : list) {
            JsonNode quantity = q.get("quantity");
            out.add(new QuantityElement(
                    q.get("epcClass").stringValue(),
                    quantity == null ? null : quantity.decimalValue(),
                    string(q.get("uom"))));
        }
        return out;
    }

    private static List<BizTransaction> bizTransactions(@Nullable JsonNode list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<BizTransaction> out = new ArrayList<>(list.size());
        for (JsonNode t : list) {
            out.add(new BizTransaction(
                    string(t.get("type")), t.get("bizTransaction").stringValue()));
        }
        return out;
    }

    private static List<SourceDestination> sourcesOrDestinations(@Nullable JsonNode list, String kind) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<SourceDestination> out = new ArrayList<>(list.size());
        for (JsonNode sd : list) {
            out.add(new SourceDestination(
                    sd.get("type").stringValue(), sd.get(kind).stringValue()));
        }
        return out;
    }
}
