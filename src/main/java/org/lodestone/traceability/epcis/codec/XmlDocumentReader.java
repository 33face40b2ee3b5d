package org.lodestone.traceability.epcis.codec;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.lodestone.traceability.epcis.EventType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams an EPCIS 2.0 XML capture document (or a bare event) with StAX. Each event element is copied into a small
 * DOM of its own, validated against the official EPCIS 2.0 XSD inside a minimal EPCISDocument envelope (so a bad event
 * is a rejection, not a failed document), converted to the JSON-LD form by {@link XmlToJsonLd} and decoded like a JSON
 * event. Only one event is in memory at a time.
 *
 * <p>XXE: the StAX factory supports no DTD and no external entities, and a DOCTYPE anywhere fails the document; the
 * validator may access no external DTD or schema.
 */
final class XmlDocumentReader {

    static final String EPCIS_NS = "urn:epcglobal:epcis:xsd:2";
    private static final String EPCIS_1_NS = "urn:epcglobal:epcis:xsd:1";

    private final XMLInputFactory factory;
    private final DocumentBuilderFactory domFactory;
    private final ObjectMapper mapper;
    private final EventDecoder decoder;

    XmlDocumentReader(ObjectMapper mapper, EventDecoder decoder) {
        this.mapper = mapper;
        this.decoder = decoder;
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // errors become EpcisDocumentExceptions; without a reporter the JDK also prints them to stderr
        factory.setXMLReporter((message, type, info, location) -> {});
        this.domFactory = DocumentBuilderFactory.newInstance();
        domFactory.setNamespaceAware(true);
    }

    ReadSummary read(InputStream in, ReadLimits limits, Consumer<ReadOutcome> sink) {
        XMLStreamReader r = null;
        Run run;
        try {
            run = new Run(limits, sink, newDocumentBuilder(), EpcisXmlSchema.newValidator());
            r = factory.createXMLStreamReader(in);
            nextElement(r);
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw EpcisDocumentException.invalid("the document has no root element", location(r));
            }
            String root = r.getLocalName();
            String ns = nsOf(r);
            if (EventType.ofDocumentName(root) != null && (ns.isEmpty() || ns.equals(EPCIS_NS))) {
                run.namespaces.push(declarations(r));
                run.event(r, "/" + root);
                if (nextElement(r) != XMLStreamConstants.END_DOCUMENT) {
                    throw EpcisDocumentException.invalid("content after the event", location(r));
                }
                return new ReadSummary(Syntax.XML, 1, run.accepted, 1 - run.accepted, true);
            }
            if (!root.equals("EPCISDocument") || !ns.equals(EPCIS_NS)) {
                throw EpcisDocumentException.invalid(
                        "root element: expected epcis:EPCISDocument (namespace " + EPCIS_NS
                                + ") or an EPCIS event, got "
                                + (ns.equals(EPCIS_1_NS) ? "an EPCIS 1.x document" : "{" + ns + "}" + root),
                        "/" + root);
            }
            documentAttributes(r);
            run.namespaces.push(declarations(r));
            document(r, run);
            return new ReadSummary(Syntax.XML, run.index, run.accepted, run.index - run.accepted, false);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage();
            int newline = message.indexOf("\nMessage: ");
            throw EpcisDocumentException.invalid(
                    "malformed XML: " + (newline >= 0 ? message.substring(newline + 10) : message),
                    e.getLocation() == null ? null : location(e.getLocation()),
                    e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing releases the reader, not the caller's stream
                }
            }
        }
    }

    /** EPCISDocument: EPCISHeader?, EPCISBody(EventList(event | extension(event*))*). */
    private void document(XMLStreamReader r, Run run) throws XMLStreamException {
        boolean body = false;
        while (nextElement(r) == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if (name.equals("EPCISHeader") && !body) {
                skip(r);
            } else if (name.equals("EPCISBody") && nsOf(r).isEmpty() && !body) {
                body = true;
                run.namespaces.push(declarations(r));
                body(r, run);
                run.namespaces.pop();
            } else {
                throw EpcisDocumentException.invalid(
                        "EPCISDocument: unexpected element " + name, "/EPCISDocument/" + name);
            }
        }
        if (!body) {
            throw EpcisDocumentException.invalid("EPCISDocument: EPCISBody missing", "/EPCISDocument");
        }
        if (nextElement(r) != XMLStreamConstants.END_DOCUMENT) {
            throw EpcisDocumentException.invalid("content after the document", location(r));
        }
    }

    private void body(XMLStreamReader r, Run run) throws XMLStreamException {
        boolean eventList = false;
        while (nextElement(r) == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if (!name.equals("EventList") || eventList) {
                throw EpcisDocumentException.invalid(
                        "EPCISBody: a capture document's body has one EventList, not " + name,
                        "/EPCISDocument/EPCISBody/" + name);
            }
            eventList = true;
            run.namespaces.push(declarations(r));
            events(r, run, false);
            run.namespaces.pop();
        }
        if (!eventList) {
            throw EpcisDocumentException.invalid("EPCISBody: EventList missing", "/EPCISDocument/EPCISBody");
        }
    }

    private void events(XMLStreamReader r, Run run, boolean inExtension) throws XMLStreamException {
        while (nextElement(r) == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            if (name.equals("extension") && !inExtension) {
                // EPCIS 1.x placed TransformationEvent in EventList/extension; 2.0 keeps the element for them
                run.namespaces.push(declarations(r));
                events(r, run, true);
                run.namespaces.pop();
            } else if (EventType.ofDocumentName(name) != null && nsOf(r).isEmpty()) {
                if (run.index >= run.limits.maxEvents()) {
                    throw new EpcisDocumentException(
                            EpcisDocumentException.CAPTURE_LIMIT_EXCEEDED,
                            "the document has more than " + run.limits.maxEvents() + " events",
                            "/EPCISDocument/EPCISBody/EventList/" + name,
                            null);
                }
                run.event(r, "/EPCISDocument/EPCISBody/EventList/" + name + "[" + (run.index + 1) + "]");
            } else {
                throw EpcisDocumentException.invalid(
                        "EventList: " + name + " is not an EPCIS 2.0 event",
                        "/EPCISDocument/EPCISBody/EventList/" + name);
            }
        }
    }

    private static void documentAttributes(XMLStreamReader r) {
        String version = r.getAttributeValue(null, "schemaVersion");
        if (version == null || !version.startsWith("2.")) {
            throw EpcisDocumentException.invalid(
                    "schemaVersion: must be 2.0, is " + version, "/EPCISDocument/@schemaVersion");
        }
        String creationDate = r.getAttributeValue(null, "creationDate");
        try {
            if (creationDate == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            OffsetDateTime.parse(creationDate.trim());
        } catch (DateTimeParseException e) {
            throw EpcisDocumentException.invalid(
                    "creationDate: missing or not a date-time with offset", "/EPCISDocument/@creationDate");
        }
    }

    /** The namespace declarations of the current element. */
    private static Map<String, String> declarations(XMLStreamReader r) {
        int n = r.getNamespaceCount();
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> d = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String prefix = r.getNamespacePrefix(i);
            d.put(prefix == null ? "" : prefix, r.getNamespaceURI(i));
        }
        return d;
    }

    /** Moves to the next start or end element (or the end of the document), failing on a DTD. */
    private static int nextElement(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT,
                        XMLStreamConstants.END_ELEMENT,
                        XMLStreamConstants.END_DOCUMENT -> {
                    return e;
                }
                case XMLStreamConstants.DTD ->
                    throw EpcisDocumentException.invalid(
                            "a DOCTYPE (DTD) is not allowed in an EPCIS document", location(r));
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw EpcisDocumentException.invalid("entity references are not allowed", location(r));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!r.isWhiteSpace()) {
                        throw EpcisDocumentException.invalid(
                                "unexpected text '" + shorten(r.getText()) + "'", location(r));
                    }
                }
                default -> {
                    // comments, processing instructions, whitespace
                }
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_REFERENCE) {
                throw EpcisDocumentException.invalid("DTDs and entity references are not allowed", location(r));
            }
        }
    }

    private static String nsOf(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static String location(XMLStreamReader r) {
        return location(r.getLocation());
    }

    private static String location(Location l) {
        return "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private DocumentBuilder newDocumentBuilder() {
        try {
            return domFactory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM builder is configurable", e);
        }
    }

    /** The state of one read. */
    private final class Run {
        final ReadLimits limits;
        final Consumer<ReadOutcome> sink;
        final DocumentBuilder dom;
        final Validator validator;
        final Instant now;
        final long skew;
        /** Namespace declarations of the ancestors of the current element, innermost first. */
        final Deque<Map<String, String>> namespaces = new ArrayDeque<>();
        /** JSON-LD prefixes given to the namespaces of extension elements in this document. */
        final XmlToJsonLd.Prefixes prefixes = new XmlToJsonLd.Prefixes();

        int index;
        int accepted;

        Run(ReadLimits limits, Consumer<ReadOutcome> sink, DocumentBuilder dom, Validator validator) {
            this.limits = limits;
            this.sink = sink;
            this.dom = dom;
            this.validator = validator;
            this.now = limits.clock().instant();
            this.skew = limits.maxFutureSkew().toSeconds();
        }

        /** Reads, validates, converts and decodes the event element the reader is on; leaves it on its end. */
        void event(XMLStreamReader r, String path) throws XMLStreamException {
            int i = index++;
            int line = r.getLocation().getLineNumber();
            Document doc = dom.newDocument();
            Element document = doc.createElementNS(EPCIS_NS, "epcis:EPCISDocument");
            document.setAttribute("schemaVersion", "2.0");
            document.setAttribute("creationDate", "2000-01-01T00:00:00Z");
            doc.appendChild(document);
            Element eventList = doc.createElement("EventList");
            document.appendChild(doc.createElement("EPCISBody")).appendChild(eventList);
            Map<String, String> inScope = new LinkedHashMap<>();
            for (var it = namespaces.descendingIterator(); it.hasNext(); ) {
                inScope.putAll(it.next());
            }
            Element event = copy(r, doc, inScope);
            eventList.appendChild(event);

            List<String> errors = validate(doc);
            ReadOutcome outcome;
            if (!errors.isEmpty()) {
                outcome = new ReadOutcome.Rejected(
                        i,
                        XmlToJsonLd.eventId(event),
                        "XML schema: " + String.join("; ", errors),
                        path + " (line " + line + ")");
            } else {
                ObjectNode json = mapper.createObjectNode();
                JsonLdContext context = XmlToJsonLd.convert(event, json, prefixes);
                outcome = decoder.decode(json, context, i, path, now, skew);
            }
            if (outcome instanceof ReadOutcome.Accepted) {
                accepted++;
            }
            sink.accept(outcome);
        }

        private List<String> validate(Document doc) {
            List<String> errors = new ArrayList<>(1);
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) {
                    if (errors.size() < 5) {
                        errors.add(e.getMessage());
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            try {
                validator.validate(new DOMSource(doc));
            } catch (SAXException e) {
                if (errors.isEmpty()) {
                    errors.add(String.valueOf(e.getMessage()));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("validating an in-memory DOM does no I/O", e);
            }
            // no validator.reset(): on the JDK it drops the validator's security properties (then NPEs)
            return errors;
        }

        /**
         * Copies the element the reader is on, with its subtree, into {@code doc}. Elements in the EPCIS namespace
         * lose it (a bare event may qualify its standard fields; in a document they are unqualified). The event
         * element declares every namespace in scope, so that QName values (xsi:type) keep their meaning.
         */
        private Element copy(XMLStreamReader r, Document doc, Map<String, String> inScope) throws XMLStreamException {
            Element root = startElement(r, doc);
            inScope.putAll(declarations(r));
            inScope.forEach((prefix, uri) -> root.setAttributeNS(
                    XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, uri));
            Element current = root;
            int depth = 1;
            while (depth > 0) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element child = startElement(r, doc);
                        for (int n = 0; n < r.getNamespaceCount(); n++) {
                            String prefix = r.getNamespacePrefix(n);
                            child.setAttributeNS(
                                    XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                                    prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix,
                                    r.getNamespaceURI(n));
                        }
                        current.appendChild(child);
                        current = child;
                        depth++;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (depth > 0) {
                            current = (Element) current.getParentNode();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        current.appendChild(doc.createTextNode(r.getText()));
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw EpcisDocumentException.invalid("DTDs and entity references are not allowed", location(r));
                    default -> {
                        // comments and processing instructions are not part of the event
                    }
                }
            }
            return root;
        }

        private Element startElement(XMLStreamReader r, Document doc) {
            String ns = nsOf(r);
            Element element;
            if (ns.isEmpty() || ns.equals(EPCIS_NS)) {
                element = doc.createElementNS(null, r.getLocalName());
            } else {
                String prefix = r.getPrefix();
                element = doc.createElementNS(
                        ns, prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName());
            }
            for (int a = 0; a < r.getAttributeCount(); a++) {
                String ans = r.getAttributeNamespace(a);
                String local = r.getAttributeLocalName(a);
                if (ans == null || ans.isEmpty()) {
                    element.setAttributeNS(null, local, r.getAttributeValue(a));
                } else {
                    String prefix = r.getAttributePrefix(a);
                    element.setAttributeNS(
                            ans,
                            prefix == null || prefix.isEmpty() ? local : prefix + ":" + local,
                            r.getAttributeValue(a));
                }
            }
            return element;
        }
    }
}
