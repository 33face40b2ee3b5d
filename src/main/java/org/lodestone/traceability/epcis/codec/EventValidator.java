package org.lodestone.traceability.epcis.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.epcis.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The constraints of the EPCIS 2.0 JSON schema (and of the standard's text where the schema is silent), one rule per
 * constraint, applied to one event in its JSON-LD form. The GS1 JSON schema itself is not available offline, so its
 * constraints are written out here; the invalid GS1 example documents prove them. XML events are converted to the
 * JSON-LD form first, so the vocabulary, prefix and time rules apply to both syntaxes (the XSD checks the structure of
 * XML events before).
 *
 * <p>Each rule names the field and the reason. Stateless and thread-safe.
 */
final class EventValidator {

    /** Fields every event type may carry (besides namespaced extensions). */
    private static final Set<String> COMMON = Set.of(
            "@context",
            "type",
            "eventID",
            "eventTime",
            "eventTimeZoneOffset",
            "recordTime",
            "certificationInfo",
            "errorDeclaration",
            "bizStep",
            "disposition",
            "readPoint",
            "bizLocation",
            "bizTransactionList",
            "sourceList",
            "destinationList",
            "sensorElementList",
            "persistentDisposition");

    private static final Map<EventType, Set<String>> SPECIFIC = Map.of(
            EventType.OBJECT, Set.of("action", "epcList", "quantityList", "ilmd"),
            EventType.AGGREGATION, Set.of("action", "parentID", "childEPCs", "childQuantityList"),
            EventType.TRANSACTION, Set.of("action", "parentID", "epcList", "quantityList"),
            EventType.TRANSFORMATION,
                    Set.of(
                            "transformationID",
                            "inputEPCList",
                            "inputQuantityList",
                            "outputEPCList",
                            "outputQuantityList",
                            "ilmd"),
            EventType.ASSOCIATION, Set.of("action", "parentID", "childEPCs", "childQuantityList"));

    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    private static final Set<String> QUANTITY_FIELDS = Set.of("epcClass", "quantity", "uom");
    private static final Set<String> SENSOR_METADATA_FIELDS = Set.of(
            "time",
            "startTime",
            "endTime",
            "deviceID",
            "deviceMetadata",
            "rawData",
            "dataProcessingMethod",
            "bizRules");
    private static final Set<String> SENSOR_REPORT_FIELDS = Set.of(
            "type",
            "exception",
            "deviceID",
            "deviceMetadata",
            "rawData",
            "dataProcessingMethod",
            "time",
            "microorganism",
            "chemicalSubstance",
            "value",
            "component",
            "stringValue",
            "booleanValue",
            "hexBinaryValue",
            "uriValue",
            "minValue",
            "maxValue",
            "meanValue",
            "sDev",
            "percRank",
            "percValue",
            "uom",
            "coordinateReferenceSystem",
            "bizRules"); // not in the XSD's sensorReport, but GS1's JSON examples carry it
    private static final Set<String> SENSOR_NUMBERS =
            Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue");
    private static final Set<String> SENSOR_TIMES = Set.of("time", "startTime", "endTime");
    private static final Set<String> SENSOR_EXCEPTIONS =
            Set.of("ALARM_CONDITION", "ERROR_CONDITION", "gs1:ALARM_CONDITION", "gs1:ERROR_CONDITION");

    /** The problems found in one event, in the order found. */
    static final class Violations {
        private final List<String> reasons = new ArrayList<>(2);
        private @Nullable String firstPointer;

        void add(String pointer, String reason) {
            if (firstPointer == null) {
                firstPointer = pointer;
            }
            reasons.add(reason);
        }

        boolean isEmpty() {
            return reasons.isEmpty();
        }

        String reason() {
            return String.join("; ", reasons);
        }

        @Nullable
        String pointer() {
            return firstPointer;
        }
    }

    /**
     * Checks one event.
     *
     * @param type the event's type (already known to be an EPCIS event type)
     * @param at JSON pointer (or XPath-like path) of the event in its document
     * @param now the reading clock's instant
     */
    Violations validate(
            ObjectNode event, EventType type, JsonLdContext context, String at, Instant now, long maxSkewSeconds) {
        Violations v = new Violations();
        knownFields(event, type, context, at, v);
        timeFields(event, at, now, maxSkewSeconds, v);
        action(event, type, at, v);
        identifiers(event, type, at, v);
        vocabulary(event, at, v);
        locations(event, context, at, v);
        bizTransactions(event, context, at, v);
        sourcesAndDestinations(event, context, at, v);
        quantities(event, at, v);
        certificationInfo(event, at, v);
        errorDeclaration(event, context, at, v);
        persistentDisposition(event, at, v);
        sensorElements(event, context, at, v);
        ilmd(event, context, at, v);
        return v;
    }

    // ---- rule: every top-level field is a field of the event type or a namespaced extension with a declared prefix

    private void knownFields(ObjectNode event, EventType type, JsonLdContext context, String at, Violations v) {
        Set<String> specific = SPECIFIC.get(type);
        for (Map.Entry<String, JsonNode> e : event.properties()) {
            String name = e.getKey();
            if (COMMON.contains(name) || specific.contains(name)) {
                continue;
            }
            extension(name, e.getValue(), context, at + "/" + escape(name), type.documentName(), v);
        }
    }

    /** An extension field: its name and, recursively, the names inside it must carry a declared prefix. */
    private void extension(
            String name, JsonNode value, JsonLdContext context, String pointer, String where, Violations v) {
        String prefix = Uris.prefixOf(name);
        if (prefix == null) {
            v.add(pointer, where + ": unknown field '" + name + "' (extension fields need a namespace prefix)");
            return;
        }
        if (!context.declares(prefix)) {
            v.add(pointer, where + ": field '" + name + "' uses prefix '" + prefix + "' not declared in @context");
            return;
        }
        extensionContent(value, context, pointer, v);
    }

    private void extensionContent(JsonNode value, JsonLdContext context, String pointer, Violations v) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (e.getKey().startsWith("@")) {
                    continue;
                }
                extension(e.getKey(), e.getValue(), context, pointer + "/" + escape(e.getKey()), pointer, v);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                extensionContent(value.get(i), context, pointer + "/" + i, v);
            }
        }
    }

    // ---- rule: eventTime and eventTimeZoneOffset present and well-formed; eventTime not too far in the future

    private void timeFields(ObjectNode event, String at, Instant now, long maxSkewSeconds, Violations v) {
        JsonNode time = event.get("eventTime");
        if (time == null) {
            v.add(at + "/eventTime", "eventTime: missing (mandatory)");
        } else {
            Instant t = dateTime(time);
            if (t == null) {
                v.add(
                        at + "/eventTime",
                        "eventTime: '" + text(time)
                                + "' is not a date-time with offset (e.g. 2024-05-01T10:00:00+02:00)");
            } else if (t.isAfter(now.plusSeconds(maxSkewSeconds))) {
                v.add(
                        at + "/eventTime",
                        "eventTime: " + t + " is in the future (more than " + maxSkewSeconds + " s ahead)");
            }
        }
        JsonNode offset = event.get("eventTimeZoneOffset");
        if (offset == null) {
            v.add(at + "/eventTimeZoneOffset", "eventTimeZoneOffset: missing (mandatory)");
        } else if (!offset.isString() || !isOffset(offset.stringValue())) {
            v.add(
                    at + "/eventTimeZoneOffset",
                    "eventTimeZoneOffset: '" + text(offset) + "' is not an offset of the form +HH:MM or -HH:MM");
        }
        JsonNode recordTime = event.get("recordTime");
        if (recordTime != null && dateTime(recordTime) == null) {
            v.add(at + "/recordTime", "recordTime: '" + text(recordTime) + "' is not a date-time with offset");
        }
    }

    // ---- rule: action present on all but TransformationEvent, exactly ADD, OBSERVE or DELETE

    private void action(ObjectNode event, EventType type, String at, Violations v) {
        JsonNode action = event.get("action");
        if (type == EventType.TRANSFORMATION) {
            return; // not in the allowed fields: knownFields reports it
        }
        if (action == null) {
            v.add(at + "/action", "action: missing (mandatory for " + type.documentName() + ")");
        } else if (!action.isString() || !ACTIONS.contains(action.stringValue())) {
            v.add(at + "/action", "action: '" + text(action) + "' is not one of ADD, OBSERVE, DELETE");
        }
    }

    // ---- rule: identifier lists are arrays of URIs, and each event type names what it is about

    private void identifiers(ObjectNode event, EventType type, String at, Violations v) {
        for (String list : List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList")) {
            uriArray(event.get(list), list, at + "/" + list, v);
        }
        for (String field : List.of("eventID", "parentID", "transformationID")) {
            JsonNode value = event.get(field);
            if (value != null && !(value.isString() && Uris.isUri(value.stringValue()))) {
                v.add(at + "/" + field, field + ": '" + text(value) + "' is not a URI");
            }
        }
        String action = event.path("action").asString("");
        switch (type) {
            case OBJECT -> {
                // the schema requires the list, not that it has members: a sensor-only event has "epcList": []
                if (!event.has("epcList") && !event.has("quantityList")) {
                    v.add(at + "/epcList", "epcList/quantityList: an ObjectEvent has an epcList or a quantityList");
                }
            }
            case TRANSACTION -> {
                if (isEmpty(event, "bizTransactionList")) {
                    v.add(at + "/bizTransactionList", "bizTransactionList: missing (mandatory for TransactionEvent)");
                }
            }
            case AGGREGATION -> {
                if (!event.has("parentID") && !"OBSERVE".equals(action)) {
                    v.add(
                            at + "/parentID",
                            "parentID: missing (mandatory for AggregationEvent with action " + action + ")");
                }
            }
            case ASSOCIATION -> {
                if (!event.has("parentID")) {
                    v.add(at + "/parentID", "parentID: missing (mandatory for AssociationEvent)");
                }
            }
            case TRANSFORMATION -> {
                if (isEmpty(event, "inputEPCList")
                        && isEmpty(event, "inputQuantityList")
                        && isEmpty(event, "outputEPCList")
                        && isEmpty(event, "outputQuantityList")) {
                    v.add(
                            at + "/outputQuantityList",
                            "inputEPCList/inputQuantityList/outputEPCList/outputQuantityList: a TransformationEvent"
                                    + " names at least one input or output");
                }
            }
        }
    }

    // ---- rule: bizStep and disposition are CBV terms or URIs (a bare word that is not a CBV term is invalid)

    private void vocabulary(ObjectNode event, String at, Violations v) {
        vocabularyValue(event.get("bizStep"), Cbv.BIZ_STEP, "bizStep", at + "/bizStep", v);
        vocabularyValue(event.get("disposition"), Cbv.DISPOSITION, "disposition", at + "/disposition", v);
    }

    private static void vocabularyValue(
            @Nullable JsonNode value, Cbv vocabulary, String field, String pointer, Violations v) {
        if (value == null) {
            return;
        }
        if (!value.isString() || vocabulary.canonical(value.stringValue()) == null) {
            v.add(pointer, field + ": '" + text(value) + "' is neither a CBV 2.0 " + vocabulary.label() + " nor a URI");
        }
    }

    // ---- rule: readPoint and bizLocation are objects with a URI id

    private void locations(ObjectNode event, JsonLdContext context, String at, Violations v) {
        for (String field : List.of("readPoint", "bizLocation")) {
            JsonNode location = event.get(field);
            if (location == null) {
                continue;
            }
            String pointer = at + "/" + field;
            if (!location.isObject()) {
                v.add(pointer, field + ": must be an object {\"id\": URI}");
                continue;
            }
            JsonNode id = location.get("id");
            if (id == null || !id.isString() || !Uris.isUri(id.stringValue())) {
                v.add(pointer + "/id", field + ".id: missing or not a URI");
            }
            otherFields((ObjectNode) location, Set.of("id"), context, pointer, field, v);
        }
    }

    // ---- rule: bizTransactionList entries have a bizTransaction URI and a CBV or URI type

    private void bizTransactions(ObjectNode event, JsonLdContext context, String at, Violations v) {
        JsonNode list = event.get("bizTransactionList");
        if (list == null) {
            return;
        }
        String pointer = at + "/bizTransactionList";
        if (!list.isArray()) {
            v.add(pointer, "bizTransactionList: must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String p = pointer + "/" + i;
            if (!t.isObject()) {
                v.add(p, "bizTransactionList[" + i + "]: must be an object {type, bizTransaction}");
                continue;
            }
            JsonNode value = t.get("bizTransaction");
            if (value == null || !value.isString() || !Uris.isUri(value.stringValue())) {
                v.add(p + "/bizTransaction", "bizTransactionList[" + i + "].bizTransaction: missing or not a URI");
            }
            vocabularyValue(
                    t.get("type"), Cbv.BIZ_TRANSACTION_TYPE, "bizTransactionList[" + i + "].type", p + "/type", v);
            otherFields(
                    (ObjectNode) t, Set.of("type", "bizTransaction"), context, p, "bizTransactionList[" + i + "]", v);
        }
    }

    // ---- rule: sourceList/destinationList entries have a CBV or URI type and a URI value

    private void sourcesAndDestinations(ObjectNode event, JsonLdContext context, String at, Violations v) {
        for (String kind : List.of("source", "destination")) {
            String field = kind + "List";
            JsonNode list = event.get(field);
            if (list == null) {
                continue;
            }
            String pointer = at + "/" + field;
            if (!list.isArray()) {
                v.add(pointer, field + ": must be an array");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode sd = list.get(i);
                String p = pointer + "/" + i;
                String name = field + "[" + i + "]";
                if (!sd.isObject()) {
                    v.add(p, name + ": must be an object {type, " + kind + "}");
                    continue;
                }
                JsonNode type = sd.get("type");
                if (type == null) {
                    v.add(p + "/type", name + ".type: missing");
                } else {
                    vocabularyValue(type, Cbv.SOURCE_DESTINATION_TYPE, name + ".type", p + "/type", v);
                }
                JsonNode value = sd.get(kind);
                if (value == null || !value.isString() || !Uris.isUri(value.stringValue())) {
                    v.add(p + "/" + kind, name + "." + kind + ": missing or not a URI");
                }
                otherFields((ObjectNode) sd, Set.of("type", kind), context, p, name, v);
            }
        }
    }

    // ---- rule: quantity elements are {epcClass: URI, quantity: number, uom: code} and nothing else

    private void quantities(ObjectNode event, String at, Violations v) {
        for (String field : List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
            JsonNode list = event.get(field);
            if (list == null) {
                continue;
            }
            String pointer = at + "/" + field;
            if (!list.isArray()) {
                v.add(pointer, field + ": must be an array");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode q = list.get(i);
                String p = pointer + "/" + i;
                String name = field + "[" + i + "]";
                if (!q.isObject()) {
                    v.add(p, name + ": must be an object {epcClass, quantity, uom}");
                    continue;
                }
                JsonNode epcClass = q.get("epcClass");
                if (epcClass == null || !epcClass.isString() || !Uris.isUri(epcClass.stringValue())) {
                    v.add(p + "/epcClass", name + ".epcClass: missing or not a URI");
                }
                JsonNode quantity = q.get("quantity");
                if (quantity != null && !quantity.isNumber()) {
                    v.add(p + "/quantity", name + ".quantity: '" + text(quantity) + "' is not a number");
                } else if (quantity != null && quantity.decimalValue().signum() < 0) {
                    v.add(p + "/quantity", name + ".quantity: must not be negative");
                }
                JsonNode uom = q.get("uom");
                if (uom != null) {
                    if (!uom.isString() || !isUom(uom.stringValue())) {
                        v.add(p + "/uom", name + ".uom: '" + text(uom) + "' is not a UN/CEFACT Rec. 20 code");
                    } else if (quantity == null) {
                        v.add(p + "/uom", name + ".uom: given without a quantity");
                    }
                }
                for (String key : q.propertyNames()) {
                    if (!QUANTITY_FIELDS.contains(key)) {
                        v.add(p + "/" + escape(key), name + ": unknown field '" + key + "'");
                    }
                }
            }
        }
    }

    // ---- rule: certificationInfo is a URI or an array of URIs

    private void certificationInfo(ObjectNode event, String at, Violations v) {
        JsonNode info = event.get("certificationInfo");
        if (info == null) {
            return;
        }
        boolean ok = info.isString() && Uris.isUri(info.stringValue());
        if (info.isArray()) {
            ok = !info.isEmpty();
            for (JsonNode n : info) {
                ok &= n.isString() && Uris.isUri(n.stringValue());
            }
        }
        if (!ok) {
            v.add(at + "/certificationInfo", "certificationInfo: must be a URI or an array of URIs");
        }
    }

    // ---- rule: errorDeclaration has a declarationTime, a CBV or URI reason, corrective event IDs as URIs

    private void errorDeclaration(ObjectNode event, JsonLdContext context, String at, Violations v) {
        JsonNode declaration = event.get("errorDeclaration");
        if (declaration == null) {
            return;
        }
        String p = at + "/errorDeclaration";
        if (!declaration.isObject()) {
            v.add(p, "errorDeclaration: must be an object");
            return;
        }
        JsonNode time = declaration.get("declarationTime");
        if (time == null || dateTime(time) == null) {
            v.add(p + "/declarationTime", "errorDeclaration.declarationTime: missing or not a date-time with offset");
        }
        vocabularyValue(declaration.get("reason"), Cbv.ERROR_REASON, "errorDeclaration.reason", p + "/reason", v);
        uriArray(
                declaration.get("correctiveEventIDs"),
                "errorDeclaration.correctiveEventIDs",
                p + "/correctiveEventIDs",
                v);
        otherFields(
                (ObjectNode) declaration,
                Set.of("declarationTime", "reason", "correctiveEventIDs"),
                context,
                p,
                "errorDeclaration",
                v);
    }

    // ---- rule: persistentDisposition sets/unsets dispositions (CBV terms or URIs)

    private void persistentDisposition(ObjectNode event, String at, Violations v) {
        JsonNode pd = event.get("persistentDisposition");
        if (pd == null) {
            return;
        }
        String p = at + "/persistentDisposition";
        if (!pd.isObject() || (!pd.has("set") && !pd.has("unset"))) {
            v.add(p, "persistentDisposition: must be an object with set and/or unset");
            return;
        }
        for (String key : pd.propertyNames()) {
            JsonNode list = pd.get(key);
            if (!key.equals("set") && !key.equals("unset")) {
                v.add(p + "/" + escape(key), "persistentDisposition: unknown field '" + key + "'");
            } else if (!list.isArray()) {
                v.add(p + "/" + key, "persistentDisposition." + key + ": must be an array");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    vocabularyValue(
                            list.get(i),
                            Cbv.DISPOSITION,
                            "persistentDisposition." + key + "[" + i + "]",
                            p + "/" + key + "/" + i,
                            v);
                }
            }
        }
    }

    // ---- rule: sensor elements: metadata and reports with the standard's fields, numbers as numbers, times

    private void sensorElements(ObjectNode event, JsonLdContext context, String at, Violations v) {
        JsonNode list = event.get("sensorElementList");
        if (list == null) {
            return;
        }
        String pointer = at + "/sensorElementList";
        if (!list.isArray()) {
            v.add(pointer, "sensorElementList: must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            String p = pointer + "/" + i;
            String name = "sensorElementList[" + i + "]";
            if (!element.isObject()) {
                v.add(p, name + ": must be an object");
                continue;
            }
            JsonNode metadata = element.get("sensorMetadata");
            if (metadata != null) {
                if (!metadata.isObject()) {
                    v.add(p + "/sensorMetadata", name + ".sensorMetadata: must be an object");
                } else {
                    sensorTimes((ObjectNode) metadata, p + "/sensorMetadata", name + ".sensorMetadata", v);
                    otherFields(
                            (ObjectNode) metadata,
                            SENSOR_METADATA_FIELDS,
                            context,
                            p + "/sensorMetadata",
                            name + ".sensorMetadata",
                            v);
                }
            }
            JsonNode reports = element.get("sensorReport");
            if (reports == null || !reports.isArray() || reports.isEmpty()) {
                v.add(p + "/sensorReport", name + ".sensorReport: missing or empty");
            } else {
                for (int r = 0; r < reports.size(); r++) {
                    sensorReport(
                            reports.get(r), context, p + "/sensorReport/" + r, name + ".sensorReport[" + r + "]", v);
                }
            }
            otherFields((ObjectNode) element, Set.of("sensorMetadata", "sensorReport"), context, p, name, v);
        }
    }

    private void sensorReport(JsonNode report, JsonLdContext context, String p, String name, Violations v) {
        if (!report.isObject()) {
            v.add(p, name + ": must be an object");
            return;
        }
        for (String key : SENSOR_NUMBERS) {
            JsonNode n = report.get(key);
            if (n != null && !n.isNumber()) {
                v.add(p + "/" + key, name + "." + key + ": '" + text(n) + "' is not a number");
            }
        }
        JsonNode b = report.get("booleanValue");
        if (b != null && !b.isBoolean()) {
            v.add(p + "/booleanValue", name + ".booleanValue: '" + text(b) + "' is not a boolean");
        }
        JsonNode type = report.get("type");
        if (type != null && !(type.isString() && SensorTypes.isValid(type.stringValue()))) {
            v.add(p + "/type", name + ".type: '" + text(type) + "' is neither a GS1 measurement type nor a URI");
        }
        JsonNode exception = report.get("exception");
        if (exception != null && !(exception.isString() && SENSOR_EXCEPTIONS.contains(exception.stringValue()))) {
            v.add(
                    p + "/exception",
                    name + ".exception: '" + text(exception) + "' is not ALARM_CONDITION or ERROR_CONDITION");
        }
        JsonNode uom = report.get("uom");
        if (uom != null && !(uom.isString() && isUom(uom.stringValue()))) {
            v.add(p + "/uom", name + ".uom: '" + text(uom) + "' is not a UN/CEFACT Rec. 20 code");
        }
        sensorTimes((ObjectNode) report, p, name, v);
        otherFields((ObjectNode) report, SENSOR_REPORT_FIELDS, context, p, name, v);
    }

    private static void sensorTimes(ObjectNode node, String p, String name, Violations v) {
        for (String key : SENSOR_TIMES) {
            JsonNode t = node.get(key);
            if (t != null && dateTime(t) == null) {
                v.add(p + "/" + key, name + "." + key + ": '" + text(t) + "' is not a date-time with offset");
            }
        }
    }

    // ---- rule: ILMD is an object of namespaced fields with declared prefixes

    private void ilmd(ObjectNode event, JsonLdContext context, String at, Violations v) {
        JsonNode ilmd = event.get("ilmd");
        if (ilmd == null) {
            return;
        }
        if (!ilmd.isObject()) {
            v.add(at + "/ilmd", "ilmd: must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> e : ilmd.properties()) {
            extension(e.getKey(), e.getValue(), context, at + "/ilmd/" + escape(e.getKey()), "ilmd", v);
        }
    }

    // ---- helpers

    /** Fields of a structure other than its standard ones must be namespaced extensions. */
    private void otherFields(
            ObjectNode node, Set<String> standard, JsonLdContext context, String pointer, String where, Violations v) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!standard.contains(e.getKey())) {
                extension(e.getKey(), e.getValue(), context, pointer + "/" + escape(e.getKey()), where, v);
            }
        }
    }

    private static void uriArray(@Nullable JsonNode list, String field, String pointer, Violations v) {
        if (list == null) {
            return;
        }
        if (!list.isArray()) {
            v.add(pointer, field + ": must be an array of URIs");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.isString() || !Uris.isUri(n.stringValue())) {
                v.add(pointer + "/" + i, field + "[" + i + "]: '" + text(n) + "' is not a URI");
            }
        }
    }

    private static boolean isEmpty(ObjectNode event, String field) {
        JsonNode n = event.get(field);
        return n == null || (n.isArray() && n.isEmpty());
    }

    /** The instant of an RFC 3339 date-time with offset, or null. */
    static @Nullable Instant dateTime(JsonNode node) {
        return node.isString() ? DateTimes.parse(node.stringValue()) : null;
    }

    /** {@code +HH:MM} / {@code -HH:MM}, hours 00–14. */
    static boolean isOffset(String s) {
        if (s.length() != 6 || (s.charAt(0) != '+' && s.charAt(0) != '-') || s.charAt(3) != ':') {
            return false;
        }
        for (int i : new int[] {1, 2, 4, 5}) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int hours = (s.charAt(1) - '0') * 10 + (s.charAt(2) - '0');
        int minutes = (s.charAt(4) - '0') * 10 + (s.charAt(5) - '0');
        return minutes < 60 && (hours < 14 || (hours == 14 && minutes == 0));
    }

    /** A UN/CEFACT Rec. 20 common code: 2 or 3 upper-case letters or digits. */
    static boolean isUom(String s) {
        if (s.length() < 2 || s.length() > 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode n) {
        String s = n.isString() ? n.stringValue() : n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String escape(String name) {
        return name.indexOf('~') < 0 && name.indexOf('/') < 0
                ? name
                : name.replace("~", "~0").replace("/", "~1");
    }
}
