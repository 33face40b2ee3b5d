package org.lodestone.traceability.epcis.codec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a (schema-valid) XML event to the JSON-LD form of the EPCIS 2.0 JSON binding, the same form a JSON capture
 * of the same event has: identifier lists as arrays of strings, {@code quantityList} as {@code {epcClass, quantity,
 * uom}} objects with numeric quantities, {@code readPoint: {"id": …}}, {@code bizTransactionList: [{type,
 * bizTransaction}]}, {@code sourceList: [{type, source}]}, sensor metadata and reports from their attributes (numbers
 * as numbers), ILMD and extensions keyed {@code prefix:localName}, repeated extension elements as arrays. Vocabulary
 * stays as written (URNs); {@link EventDecoder} normalises it for both syntaxes.
 */
final class XmlToJsonLd {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> TEXT_FIELDS = Set.of(
            "eventTime",
            "recordTime",
            "eventTimeZoneOffset",
            "eventID",
            "action",
            "bizStep",
            "disposition",
            "parentID",
            "transformationID");
    private static final Map<String, String> EPC_LISTS =
            Map.of("epcList", "epc", "childEPCs", "epc", "inputEPCList", "epc", "outputEPCList", "epc");
    private static final Set<String> QUANTITY_LISTS =
            Set.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
    private static final Set<String> SENSOR_NUMBERS =
            Set.of("value", "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue");
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** Namespace standard XML documents use for the CBV master data attributes. */
    private static final Map<String, String> STANDARD_NAMESPACES = Map.of(
            "urn:epcglobal:cbv:mda", "cbvmda",
            "urn:epcglobal:cbv:mda:", "cbvmda",
            "https://gs1.org/voc/", "gs1",
            "http://gs1.org/voc/", "gs1");

    private XmlToJsonLd() {}

    /**
     * The JSON-LD prefixes given to the namespaces of a document's extension elements: the XML prefix when it is free,
     * {@code ns1}, {@code ns2}, … otherwise (default namespaces, a prefix bound to two namespaces).
     */
    static final class Prefixes {
        private final Map<String, String> byNamespace = new HashMap<>();
        private final Map<String, String> byPrefix = new HashMap<>();
        private @Nullable JsonLdContext context;

        String prefixFor(String namespace, @Nullable String xmlPrefix) {
            String known = byNamespace.get(namespace);
            if (known != null) {
                return known;
            }
            String standard = STANDARD_NAMESPACES.get(namespace);
            if (standard == null) {
                for (Map.Entry<String, String> s : JsonLdContext.STANDARD.entrySet()) {
                    if (s.getValue().equals(namespace)) {
                        standard = s.getKey();
                    }
                }
            }
            String prefix = standard;
            if (prefix == null) {
                prefix = xmlPrefix;
                if (prefix == null
                        || prefix.isEmpty()
                        || byPrefix.containsKey(prefix)
                        || JsonLdContext.STANDARD.containsKey(prefix)) {
                    int n = 1;
                    while (byPrefix.containsKey("ns" + n)) {
                        n++;
                    }
                    prefix = "ns" + n;
                }
                byPrefix.put(prefix, namespace);
                context = null;
            }
            byNamespace.put(namespace, prefix);
            return prefix;
        }

        JsonLdContext context() {
            JsonLdContext c = context;
            if (c == null) {
                c = new JsonLdContext(Map.copyOf(byPrefix));
                context = c;
            }
            return c;
        }
    }

    /** The eventID of an event element, for reporting a rejection. */
    static @Nullable String eventId(Element event) {
        for (Node n = event.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && e.getNamespaceURI() == null
                    && e.getLocalName().equals("eventID")) {
                return text(e);
            }
        }
        return null;
    }

    /** Fills {@code json} with the event; returns the prefixes the document's extensions use so far. */
    static JsonLdContext convert(Element event, ObjectNode json, Prefixes prefixes) {
        json.put("type", event.getLocalName());
        fields(event, json, prefixes);
        return prefixes.context();
    }

    private static void fields(Element parent, ObjectNode json, Prefixes prefixes) {
        Map<String, List<JsonNode>> extensions = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (e.getNamespaceURI() != null) {
                extensions
                        .computeIfAbsent(key(e, prefixes), k -> new ArrayList<>(1))
                        .add(generic(e, prefixes));
                continue;
            }
            String name = e.getLocalName();
            if (TEXT_FIELDS.contains(name)) {
                json.put(name, text(e));
            } else if (EPC_LISTS.containsKey(name)) {
                json.set(name, texts(e));
            } else if (QUANTITY_LISTS.contains(name)) {
                ArrayNode list = json.putArray(name);
                for (Element q : children(e)) {
                    ObjectNode element = list.addObject();
                    for (Element f : children(q)) {
                        String field = f.getLocalName();
                        if (isNil(f)) {
                            continue; // <quantity xsi:nil="true"/>: the JSON binding leaves the field out
                        }
                        if (field.equals("quantity")) {
                            element.set("quantity", number(text(f)));
                        } else {
                            element.put(field, text(f));
                        }
                    }
                }
            } else if (name.equals("readPoint") || name.equals("bizLocation")) {
                ObjectNode location = json.putObject(name);
                for (Element f : children(e)) {
                    if (f.getNamespaceURI() == null && f.getLocalName().equals("id")) {
                        location.put("id", text(f));
                    } else if (f.getNamespaceURI() == null && f.getLocalName().equals("extension")) {
                        extensionsOf(f, location, prefixes);
                    }
                }
                extensionsOf(e, location, prefixes);
            } else if (name.equals("bizTransactionList")) {
                ArrayNode list = json.putArray(name);
                for (Element t : children(e)) {
                    ObjectNode o = list.addObject();
                    if (t.hasAttribute("type")) {
                        o.put("type", t.getAttribute("type").strip());
                    }
                    o.put("bizTransaction", text(t));
                }
            } else if (name.equals("sourceList") || name.equals("destinationList")) {
                String kind = name.equals("sourceList") ? "source" : "destination";
                ArrayNode list = json.putArray(name);
                for (Element sd : children(e)) {
                    ObjectNode o = list.addObject();
                    o.put("type", sd.getAttribute("type").strip());
                    o.put(kind, text(sd));
                }
            } else if (name.equals("errorDeclaration")) {
                ObjectNode declaration = json.putObject(name);
                for (Element f : children(e)) {
                    if (f.getNamespaceURI() != null) {
                        continue;
                    }
                    switch (f.getLocalName()) {
                        case "declarationTime", "reason" -> declaration.put(f.getLocalName(), text(f));
                        case "correctiveEventIDs" -> declaration.set("correctiveEventIDs", texts(f));
                        default -> {}
                    }
                }
                extensionsOf(e, declaration, prefixes);
            } else if (name.equals("persistentDisposition")) {
                ObjectNode pd = json.putObject(name);
                for (Element f : children(e)) {
                    ArrayNode list = pd.has(f.getLocalName())
                            ? (ArrayNode) pd.get(f.getLocalName())
                            : pd.putArray(f.getLocalName());
                    list.add(text(f));
                }
            } else if (name.equals("sensorElementList")) {
                ArrayNode list = json.putArray(name);
                for (Element se : children(e)) {
                    list.add(sensorElement(se, prefixes));
                }
            } else if (name.equals("ilmd")) {
                ObjectNode ilmd = json.putObject(name);
                extensionsOf(e, ilmd, prefixes);
            } else if (name.equals("certificationInfo")) {
                JsonNode existing = json.get(name);
                if (existing == null) {
                    json.put(name, text(e));
                } else {
                    ArrayNode all = existing.isArray()
                            ? (ArrayNode) existing
                            : NODES.arrayNode().add(existing);
                    all.add(text(e));
                    json.set(name, all);
                }
            } else if (name.equals("extension") || name.equals("baseExtension")) {
                fields(e, json, prefixes); // EPCIS 1.x wrappers: their content belongs to the event
            } else if (!name.equals("id")) {
                JsonNode value = generic(e, prefixes);
                if (value != null) {
                    json.set(name, value);
                }
            }
        }
        putGrouped(extensions, json);
    }

    private static ObjectNode sensorElement(Element element, Prefixes prefixes) {
        ObjectNode o = NODES.objectNode();
        ArrayNode reports = null;
        for (Element f : children(element)) {
            if (f.getNamespaceURI() != null) {
                continue;
            }
            if (f.getLocalName().equals("sensorMetadata")) {
                o.set("sensorMetadata", attributes(f, prefixes));
            } else if (f.getLocalName().equals("sensorReport")) {
                if (reports == null) {
                    reports = o.putArray("sensorReport");
                }
                reports.add(attributes(f, prefixes));
            } else if (f.getLocalName().equals("extension")) {
                extensionsOf(f, o, prefixes);
            }
        }
        extensionsOf(element, o, prefixes);
        return o;
    }

    /** Sensor metadata and reports carry their data in attributes. */
    private static ObjectNode attributes(Element e, Prefixes prefixes) {
        ObjectNode o = NODES.objectNode();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ns = a.getNamespaceURI();
            if (ns != null && (ns.equals(XMLNS) || ns.equals(XSI))) {
                continue;
            }
            String value = a.getValue().strip();
            if (ns != null) {
                o.put(prefixes.prefixFor(ns, a.getPrefix()) + ":" + a.getLocalName(), value);
            } else if (SENSOR_NUMBERS.contains(a.getLocalName())) {
                o.set(a.getLocalName(), number(value));
            } else if (a.getLocalName().equals("booleanValue")) {
                o.put("booleanValue", value.equals("true") || value.equals("1"));
            } else {
                o.put(a.getLocalName(), value);
            }
        }
        extensionsOf(e, o, prefixes);
        return o;
    }

    /** The namespaced child elements of {@code parent}, as extension fields of {@code into}. */
    private static void extensionsOf(Element parent, ObjectNode into, Prefixes prefixes) {
        Map<String, List<JsonNode>> extensions = new LinkedHashMap<>();
        for (Element f : children(parent)) {
            if (f.getNamespaceURI() != null) {
                extensions
                        .computeIfAbsent(key(f, prefixes), k -> new ArrayList<>(1))
                        .add(generic(f, prefixes));
            }
        }
        putGrouped(extensions, into);
    }

    /**
     * An extension element: its text when it has neither child elements nor namespaced attributes, an object of its
     * attributes and children otherwise; null when it is empty (the JSON binding leaves empty elements out).
     */
    private static @Nullable JsonNode generic(Element e, Prefixes prefixes) {
        List<Element> children = children(e);
        ObjectNode o = null;
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ns = a.getNamespaceURI();
            if (ns != null && !ns.equals(XMLNS) && !ns.equals(XSI)) {
                if (o == null) {
                    o = NODES.objectNode();
                }
                o.put(
                        prefixes.prefixFor(ns, a.getPrefix()) + ":" + a.getLocalName(),
                        a.getValue().strip());
            }
        }
        if (children.isEmpty() && o == null) {
            String text = text(e);
            return text.isEmpty() ? null : NODES.stringNode(text);
        }
        Map<String, List<JsonNode>> fields = new LinkedHashMap<>();
        for (Element c : children) {
            String key = c.getNamespaceURI() == null ? c.getLocalName() : key(c, prefixes);
            JsonNode value = generic(c, prefixes);
            if (value != null) {
                fields.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            }
        }
        if (o == null) {
            o = NODES.objectNode();
        }
        putGrouped(fields, o);
        return o;
    }

    private static void putGrouped(Map<String, List<JsonNode>> fields, ObjectNode into) {
        for (Map.Entry<String, List<JsonNode>> f : fields.entrySet()) {
            List<JsonNode> values = f.getValue();
            if (values.size() == 1) {
                into.set(f.getKey(), values.getFirst());
            } else {
                ArrayNode array = into.putArray(f.getKey());
                values.forEach(array::add);
            }
        }
    }

    private static String key(Element e, Prefixes prefixes) {
        return prefixes.prefixFor(e.getNamespaceURI(), e.getPrefix()) + ":" + e.getLocalName();
    }

    private static ArrayNode texts(Element list) {
        ArrayNode array = NODES.arrayNode();
        for (Element c : children(list)) {
            array.add(text(c));
        }
        return array;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static boolean isNil(Element e) {
        String nil = e.getAttributeNS(XSI, "nil");
        return nil.equals("true") || nil.equals("1");
    }

    private static String text(Element e) {
        return e.getTextContent().strip();
    }

    /**
     * An xsd:decimal or xsd:double as the JSON number a JSON capture of the same value has: integral values as
     * integers ({@code 200.0} → {@code 200}), others as exact decimals; text that is no number stays text (and fails
     * validation).
     */
    static JsonNode number(String text) {
        try {
            BigDecimal d = new BigDecimal(text);
            BigDecimal stripped = d.stripTrailingZeros();
            if (stripped.scale() <= 0) {
                try {
                    long l = stripped.longValueExact();
                    return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
                } catch (ArithmeticException tooBig) {
                    return NODES.numberNode(stripped.toBigIntegerExact());
                }
            }
            return NODES.numberNode(d);
        } catch (NumberFormatException e) {
            return NODES.stringNode(text);
        }
    }
}
