package org.lodestone.traceability.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** EPCIS events built in tests as the document reader would build them: model fields and the matching JSON-LD. */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public EventType type = EventType.OBJECT;
    public String eventId = "urn:uuid:" + UUID.randomUUID();
    public Instant eventTime = Instant.parse("2026-03-01T08:00:00Z");
    public @Nullable Action action = Action.OBSERVE;
    public @Nullable String bizStep = "shipping";
    public @Nullable String disposition = "in_transit";
    public @Nullable String readPoint;
    public @Nullable String bizLocation;
    public @Nullable String parentId;
    public List<String> epcs = new ArrayList<>();
    public List<QuantityElement> quantities = new ArrayList<>();
    public List<String> inputEpcs = new ArrayList<>();
    public List<QuantityElement> inputQuantities = new ArrayList<>();
    public List<String> outputEpcs = new ArrayList<>();
    public List<QuantityElement> outputQuantities = new ArrayList<>();
    public List<BizTransaction> bizTransactions = new ArrayList<>();
    public List<SourceDestination> sources = new ArrayList<>();
    public List<SourceDestination> destinations = new ArrayList<>();
    public @Nullable String comment;

    public static TestEvents object() {
        return new TestEvents();
    }

    public TestEvents type(EventType t) {
        type = t;
        if (t == EventType.TRANSFORMATION) {
            action = null;
        }
        return this;
    }

    public TestEvents id(String id) {
        eventId = id;
        return this;
    }

    public TestEvents at(Instant t) {
        eventTime = t;
        return this;
    }

    public TestEvents action(@Nullable Action a) {
        action = a;
        return this;
    }

    public TestEvents bizStep(@Nullable String s) {
        bizStep = s;
        return this;
    }

    public TestEvents disposition(@Nullable String d) {
        disposition = d;
        return this;
    }

    public TestEvents readPoint(String r) {
        readPoint = r;
        return this;
    }

    public TestEvents bizLocation(String l) {
        bizLocation = l;
        return this;
    }

    public TestEvents parent(String p) {
        parentId = p;
        return this;
    }

    public TestEvents epc(String... e) {
        epcs.addAll(List.of(e));
        return this;
    }

    public TestEvents quantity(String cls, String kg) {
        quantities.add(new QuantityElement(cls, new BigDecimal(kg), "KGM"));
        return this;
    }

    public TestEvents input(String cls, String kg) {
        inputQuantities.add(new QuantityElement(cls, new BigDecimal(kg), "KGM"));
        return this;
    }

    public TestEvents output(String cls, String kg) {
        outputQuantities.add(new QuantityElement(cls, new BigDecimal(kg), "KGM"));
        return this;
    }

    public TestEvents inputEpc(String e) {
        inputEpcs.add(e);
        return this;
    }

    public TestEvents outputEpc(String e) {
        outputEpcs.add(e);
        return this;
    }

    public TestEvents tx(String type, String value) {
        bizTransactions.add(new BizTransaction(type, value));
        return this;
    }

    public TestEvents source(String type, String value) {
        sources.add(new SourceDestination(type, value));
        return this;
    }

    public TestEvents destination(String type, String value) {
        destinations.add(new SourceDestination(type, value));
        return this;
    }

    public TestEvents comment(String c) {
        comment = c;
        return this;
    }

    public EpcisEvent build() {
        ObjectNode j = JSON.createObjectNode();
        j.put("type", type.documentName());
        j.put("eventID", eventId);
        j.put("eventTime", eventTime.toString());
        j.put("eventTimeZoneOffset", "+00:00");
        boolean child = type == EventType.AGGREGATION || type == EventType.ASSOCIATION;
        if (parentId != null) {
            j.put("parentID", parentId);
        }
        if (!epcs.isEmpty()) {
            ArrayNode a = j.putArray(child ? "childEPCs" : "epcList");
            epcs.forEach(a::add);
        }
        if (action != null) {
            j.put("action", action.name());
        }
        if (!inputEpcs.isEmpty()) {
            ArrayNode a = j.putArray("inputEPCList");
            inputEpcs.forEach(a::add);
        }
        quantities(j, "inputQuantityList", inputQuantities);
        if (!outputEpcs.isEmpty()) {
            ArrayNode a = j.putArray("outputEPCList");
            outputEpcs.forEach(a::add);
        }
        quantities(j, "outputQuantityList", outputQuantities);
        if (bizStep != null) {
            j.put("bizStep", bizStep);
        }
        if (disposition != null) {
            j.put("disposition", disposition);
        }
        if (readPoint != null) {
            j.putObject("readPoint").put("id", readPoint);
        }
        if (bizLocation != null) {
            j.putObject("bizLocation").put("id", bizLocation);
        }
        if (!bizTransactions.isEmpty()) {
            ArrayNode a = j.putArray("bizTransactionList");
            bizTransactions.forEach(t -> a.addObject().put("type", t.type()).put("bizTransaction", t.value()));
        }
        quantities(j, child ? "childQuantityList" : "quantityList", quantities);
        sd(j, "sourceList", "source", sources);
        sd(j, "destinationList", "destination", destinations);
        if (comment != null) {
            j.put("rdfs:comment", comment);
        }
        return new EpcisEvent(
                type,
                eventId,
                eventTime,
                "+00:00",
                action,
                bizStep,
                disposition,
                readPoint,
                bizLocation,
                parentId,
                epcs,
                quantities,
                inputEpcs,
                inputQuantities,
                outputEpcs,
                outputQuantities,
                bizTransactions,
                sources,
                destinations,
                j);
    }

    private static void quantities(ObjectNode j, String name, List<QuantityElement> list) {
        if (!list.isEmpty()) {
            ArrayNode a = j.putArray(name);
            for (QuantityElement q : list) {
                ObjectNode o = a.addObject().put("epcClass", q.epcClass());
                if (q.quantity() != null) {
                    o.put("quantity", q.quantity());
                }
                if (q.uom() != null) {
                    o.put("uom", q.uom());
                }
            }
        }
    }

    private static void sd(ObjectNode j, String name, String field, List<SourceDestination> list) {
        if (!list.isEmpty()) {
            ArrayNode a = j.putArray(name);
            list.forEach(s -> a.addObject().put("type", s.type()).put(field, s.value()));
        }
    }
}
