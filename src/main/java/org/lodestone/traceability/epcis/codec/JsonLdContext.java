package org.lodestone.traceability.epcis.codec;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The namespace prefixes a document's {@code @context} declares ({@code "ext1": "http://example.com/ext1/"}), on top of
 * those the standard GS1 EPCIS context declares. Extension fields must use a declared prefix.
 */
final class JsonLdContext {

    /** Prefixes the standard EPCIS 2.0 JSON-LD context (epcis-context.jsonld) declares. */
    static final Map<String, String> STANDARD = Map.of(
            "epcis", "https://ref.gs1.org/epcis/",
            "cbv", "https://ref.gs1.org/cbv/",
            "cbvmda", "urn:epcglobal:cbv:mda:",
            "gs1", "https://gs1.org/voc/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "dcterms", "http://purl.org/dc/terms/");

    static final JsonLdContext EMPTY = new JsonLdContext(Map.of());

    private final Map<String, String> declared;

    JsonLdContext(Map<String, String> declared) {
        this.declared = declared;
    }

    /** The prefixes an {@code @context} value (a string, an object or an array of them) declares. */
    static JsonLdContext of(@Nullable JsonNode context) {
        if (context == null) {
            return EMPTY;
        }
        Map<String, String> declared = new HashMap<>();
        collect(context, declared);
        return declared.isEmpty() ? EMPTY : new JsonLdContext(Map.copyOf(declared));
    }

    /** This context with the prefixes an event's own {@code @context} adds. */
    JsonLdContext with(@Nullable JsonNode eventContext) {
        if (eventContext == null) {
            return this;
        }
        Map<String, String> all = new HashMap<>(declared);
        collect(eventContext, all);
        return new JsonLdContext(Map.copyOf(all));
    }

    private static void collect(JsonNode node, Map<String, String> into) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, into);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().startsWith("@") && e.getValue().isString()) {
                    into.put(e.getKey(), e.getValue().stringValue());
                }
            }
        }
    }

    boolean declares(String prefix) {
        return declared.containsKey(prefix) || STANDARD.containsKey(prefix);
    }

    /** The IRI of a prefix the document (not the standard context) declares, or null. */
    @Nullable
    String documentIri(String prefix) {
        return declared.get(prefix);
    }
}
