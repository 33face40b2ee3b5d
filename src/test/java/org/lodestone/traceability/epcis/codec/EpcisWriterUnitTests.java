package org.lodestone.traceability.epcis.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lodestone.traceability.epcis.EpcisEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EpcisWriterUnitTests {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private final EpcisWriter writer =
            new EpcisWriter(Clock.fixed(Instant.parse("2026-11-22T08:00:00.123456Z"), ZoneOffset.UTC));

    private static List<EpcisEvent> allExampleEvents() {
        List<EpcisEvent> events = new ArrayList<>();
        for (Path file : Examples.files(Syntax.JSON, "Documents")) {
            events.addAll(Examples.read(file, Syntax.JSON).events());
        }
        for (Path file : Examples.files(Syntax.XML, "Documents")) {
            events.addAll(Examples.read(file, Syntax.XML).events());
        }
        return events;
    }

    @Test
    void aQueryDocumentCarriesEveryEventAsKept() {
        List<EpcisEvent> events = allExampleEvents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.writeQueryDocument(out, events, "sub-1", null);

        JsonNode doc = MAPPER.readTree(out.toByteArray());
        assertThat(doc.get("@context").get(0).stringValue())
                .isEqualTo("https://ref.gs1.org/standards/epcis/epcis-context.jsonld");
        assertThat(doc.get("type").stringValue()).isEqualTo("EPCISQueryDocument");
        assertThat(doc.get("schemaVersion").stringValue()).isEqualTo("2.0");
        assertThat(doc.get("creationDate").stringValue()).isEqualTo("2026-11-22T08:00:00.123Z");
        JsonNode results = doc.at("/epcisBody/queryResults");
        assertThat(results.get("subscriptionID").stringValue()).isEqualTo("sub-1");
        assertThat(results.get("queryName").stringValue()).isEqualTo("SimpleEventQuery");
        JsonNode list = results.at("/resultsBody/eventList");
        assertThat(list.size()).isEqualTo(events.size()).isGreaterThan(50);
        for (int i = 0; i < events.size(); i++) {
            assertThat(list.get(i).toString()).isEqualTo(events.get(i).json().toString());
        }
    }

    @Test
    void writtenEventsCaptureAgainToTheSameEvents() {
        List<EpcisEvent> events = allExampleEvents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeQueryDocument(out, events.iterator(), null, "SimpleEventQuery");

        // the query document's events as a capture document
        ObjectNode doc = (ObjectNode) MAPPER.readTree(out.toByteArray());
        JsonNode eventList = doc.at("/epcisBody/queryResults/resultsBody/eventList");
        doc.put("type", "EPCISDocument");
        doc.putObject("epcisBody").set("eventList", eventList);
        Examples.Result again = Examples.read(MAPPER.writeValueAsBytes(doc), Syntax.JSON);

        assertThat(again.rejected()).isEmpty();
        assertThat(again.events()).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(again.events().get(i).json()).isEqualTo(events.get(i).json());
            assertThat(again.events().get(i).eventId()).isEqualTo(events.get(i).eventId());
        }
    }

    @Test
    void aSingleEventDeclaresTheStandardContextAndItsOwnPrefixes() {
        EpcisEvent event = Examples.read(
                        Examples.ROOT.resolve("XML/Capture/Documents/ObjectEvent_all_possible_fields.xml"), Syntax.XML)
                .events()
                .getFirst();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.writeEvent(out, event);

        String written = out.toString(UTF_8);
        JsonNode json = MAPPER.readTree(written);
        assertThat(json.at("/@context/0").stringValue()).isEqualTo(EpcisWriter.EPCIS_CONTEXT);
        assertThat(json.at("/@context/1/ext1").stringValue()).isEqualTo("http://example.com/ext1/");
        assertThat(json.get("eventID").stringValue()).isEqualTo(event.eventId());
        // and it is a bare event the reader accepts, giving the same event
        Examples.Result again = Examples.read(written.getBytes(UTF_8), Syntax.JSON);
        assertThat(again.summary().bareEvent()).isTrue();
        assertThat(again.events().getFirst().json()).isEqualTo(event.json());
    }
}
