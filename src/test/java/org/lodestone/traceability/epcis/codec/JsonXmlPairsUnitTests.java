package org.lodestone.traceability.epcis.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.QuantityElement;
import tools.jackson.databind.JsonNode;

/**
 * The GS1 examples come in JSON and XML pairs with the same file name: reading either gives equivalent events.
 *
 * <p>json() is compared after expanding compact names with each event's own @context (a JSON document may call a
 * namespace {@code cbvmda} that the XML calls {@code ns0}), comparing numbers by value and date-times by instant: the
 * pairs often write the same value differently ({@code 10} / {@code 10.0}, {@code 13:05:00.000Z} / {@code 13:05:00Z}),
 * and the reader keeps values as captured. Pairs that write everything the same way are also compared with plain
 * {@code equals}. Where a pair's two files carry different content, {@link #KNOWN_DIFFERENCES} lists the differing
 * paths, and everything else is still compared.
 */
class JsonXmlPairsUnitTests {

    /** pair#event -> paths of json() where the GS1 JSON and XML files genuinely differ. */
    private static final Map<String, Set<String>> KNOWN_DIFFERENCES = Map.of(
            // the JSON has an rdfs:comment field, the XML an XML comment (not part of the event)
            "Documents/ObjectEvent_with_comment#0", Set.of("/http://www.w3.org/2000/01/rdf-schema#comment"),
            // declarationTime 14:00Z in JSON, 14:00+01:00 in XML: different instants (so the content hashes differ too)
            "Documents/Combination_of_different_event#4", Set.of("/errorDeclaration/declarationTime", "/eventID"),
            "Events/TransformationEvent#0", Set.of("/errorDeclaration/declarationTime"),
            // identifiers as GS1 Digital Link URIs in JSON, EPC URNs in XML
            "Documents/epcisDocWithAllGS1Keys#0", Set.of("/epcList/2", "/eventID"),
            "Documents/epcisDocWithSensorComponent#0", Set.of("/epcList/0", "/readPoint/id", "/eventID"));

    /** Pairs whose files write every value identically: their json() must be equal without any normalisation. */
    private static final Set<String> LEXICALLY_IDENTICAL = Set.of(
            "Documents/AggregationEvent",
            "Documents/AggregationEvent_with_persistentDisposition",
            "Documents/ObjectEvent_with_custom_bizStep_uri",
            "Documents/TransformationEvent",
            "Events/AggregationEvent",
            "Events/ObjectEvent");

    static Stream<String> pairs() {
        List<String> pairs = new ArrayList<>();
        for (String folder : List.of("Documents", "Events")) {
            for (Path json : Examples.files(Syntax.JSON, folder)) {
                String name = json.getFileName().toString().replace(".json", "");
                if (Files.exists(Examples.ROOT.resolve("XML/Capture/" + folder + "/" + name + ".xml"))) {
                    pairs.add(folder + "/" + name);
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void thereArePairsToCompare() {
        assertThat(pairs().count()).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void theJsonAndXmlOfAPairGiveEquivalentEvents(String pair) {
        Examples.Result jsonRead = Examples.read(Examples.ROOT.resolve("JSON/Capture/" + pair + ".json"), Syntax.JSON);
        Examples.Result xmlRead = Examples.read(Examples.ROOT.resolve("XML/Capture/" + pair + ".xml"), Syntax.XML);
        assertThat(jsonRead.rejected()).isEmpty();
        assertThat(xmlRead.rejected()).isEmpty();
        List<EpcisEvent> json = jsonRead.events();
        List<EpcisEvent> xml = xmlRead.events();
        assertThat(xml).hasSameSizeAs(json);

        for (int i = 0; i < json.size(); i++) {
            String key = pair + "#" + i;
            Set<String> known = KNOWN_DIFFERENCES.getOrDefault(key, Set.of());
            EpcisEvent j = json.get(i);
            EpcisEvent x = xml.get(i);

            List<String> differences = new ArrayList<>();
            diff(expand(j.json()), expand(x.json()), "", differences);
            assertThat(differences)
                    .as(key + " json() differences")
                    .allSatisfy(
                            d -> assertThat(known).anySatisfy(k -> assertThat(d).startsWith(k)));

            assertThat(x.type()).as(key).isEqualTo(j.type());
            assertThat(x.eventTimeZoneOffset()).as(key).isEqualTo(j.eventTimeZoneOffset());
            assertThat(x.eventTime()).as(key).isEqualTo(j.eventTime());
            assertThat(x.action()).as(key).isEqualTo(j.action());
            assertThat(x.bizStep()).as(key).isEqualTo(j.bizStep());
            assertThat(x.disposition()).as(key).isEqualTo(j.disposition());
            assertThat(x.bizLocation()).as(key).isEqualTo(j.bizLocation());
            assertThat(x.parentId()).as(key).isEqualTo(j.parentId());
            assertThat(x.bizTransactionList()).as(key).isEqualTo(j.bizTransactionList());
            assertThat(x.sourceList()).as(key).isEqualTo(j.sourceList());
            assertThat(x.destinationList()).as(key).isEqualTo(j.destinationList());
            assertSameQuantities(key, x.quantityList(), j.quantityList());
            assertSameQuantities(key, x.inputQuantityList(), j.inputQuantityList());
            assertSameQuantities(key, x.outputQuantityList(), j.outputQuantityList());
            assertThat(x.inputEpcList()).as(key).isEqualTo(j.inputEpcList());
            assertThat(x.outputEpcList()).as(key).isEqualTo(j.outputEpcList());
            if (known.stream().noneMatch(k -> k.startsWith("/epcList") || k.startsWith("/readPoint"))) {
                assertThat(x.epcList()).as(key).isEqualTo(j.epcList());
                assertThat(x.readPoint()).as(key).isEqualTo(j.readPoint());
            }
            if (!known.contains("/eventID")) {
                // given eventIDs, or content hashes of the same content
                assertThat(x.eventId()).as(key).isEqualTo(j.eventId());
            }
            if (LEXICALLY_IDENTICAL.contains(pair)) {
                assertThat(x.json()).as(key).isEqualTo(j.json());
            }
        }
    }

    private static void assertSameQuantities(String key, List<QuantityElement> actual, List<QuantityElement> expected) {
        assertThat(actual).as(key).hasSameSizeAs(expected);
        for (int q = 0; q < actual.size(); q++) {
            assertThat(actual.get(q).epcClass())
                    .as(key)
                    .isEqualTo(expected.get(q).epcClass());
            assertThat(actual.get(q).uom()).as(key).isEqualTo(expected.get(q).uom());
            BigDecimal a = actual.get(q).quantity();
            BigDecimal e = expected.get(q).quantity();
            assertThat(a == null ? null : a.stripTrailingZeros())
                    .as(key)
                    .isEqualTo(e == null ? null : e.stripTrailingZeros());
        }
    }

    /** The event with compact names (prefix:local) expanded to IRIs by the event's own @context. */
    private static JsonNode expand(JsonNode event) {
        JsonNode context = event.path("@context");
        return expand(event, context);
    }

    private static JsonNode expand(JsonNode node, JsonNode context) {
        if (node.isObject()) {
            var out = node.deepCopy();
            var object = (tools.jackson.databind.node.ObjectNode) out;
            object.removeAll();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String name = e.getKey();
                int colon = name.indexOf(':');
                if (colon > 0 && context.has(name.substring(0, colon)) && !name.startsWith("@")) {
                    name = context.get(name.substring(0, colon)).stringValue() + name.substring(colon + 1);
                }
                object.set(name, e.getKey().equals("@context") ? e.getValue() : expand(e.getValue(), context));
            }
            object.remove("@context");
            return object;
        }
        if (node.isArray()) {
            var array = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> array.add(expand(n, context)));
            return array;
        }
        return node;
    }

    private static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                if (!b.has(e.getKey())) {
                    out.add(path + "/" + e.getKey() + " only in JSON");
                } else {
                    diff(e.getValue(), b.get(e.getKey()), path + "/" + e.getKey(), out);
                }
            }
            for (String k : b.propertyNames()) {
                if (!a.has(k)) {
                    out.add(path + "/" + k + " only in XML");
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(a.get(i), b.get(i), path + "/" + i, out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(path + ": " + a + " vs " + b);
            }
        } else if (a.isString() && b.isString() && instant(a.stringValue()) != null) {
            if (!instant(a.stringValue()).equals(instant(b.stringValue()))) {
                out.add(path + ": " + a + " vs " + b);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " vs " + b);
        }
    }

    private static @Nullable Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
