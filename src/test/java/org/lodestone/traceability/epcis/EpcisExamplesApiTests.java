package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.epcis.EpcisFixtures.body;
import static org.lodestone.traceability.epcis.EpcisFixtures.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.Identity;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.epcis.codec.EpcisReader;
import org.lodestone.traceability.epcis.codec.ReadLimits;
import org.lodestone.traceability.epcis.codec.ReadOutcome;
import org.lodestone.traceability.epcis.codec.Syntax;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public GS1 EPCIS 2.0 examples through the HTTP interface (#5): every JSON capture document is captured with
 * {@code POST /epcis/capture} and every bare event with {@code POST /epcis/events}, and each event reads back from
 * {@code GET /epcis/events?EQ_eventID=…} equal to what was captured plus recordTime; every invalid example is
 * rejected with {@code epcisException:ValidationException}. The GS1 samples reuse some eventIDs for unrelated events
 * (e.g. {@code urn:uuid:374d95fc-…} in three files): by the repository's rule the first capture is kept and later
 * different content under the same eventID is rejected with that reason, which this test expects, in file order.
 */
@IntegrationTest
class EpcisExamplesApiTests {

    static final Path ROOT =
            org.lodestone.traceability.epcis.codec.Examples.root().resolve("JSON/Capture");
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final Comparator<JsonNode> NUMBERS = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    Capturing capturing;

    /** Dedup key (eventID, error declaration or not) -> the event first captured under it. */
    final Map<String, JsonNode> first = new HashMap<>();

    static final Path XML_ROOT =
            org.lodestone.traceability.epcis.codec.Examples.root().resolve("XML/Capture");

    static List<Path> files(String folder) throws IOException {
        return files(ROOT, folder, ".json");
    }

    static List<Path> files(Path root, String folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static List<EpcisEvent> events(byte[] document) {
        return events(document, Syntax.JSON);
    }

    static List<EpcisEvent> events(byte[] document, Syntax syntax) {
        var out = new ArrayList<EpcisEvent>();
        new EpcisReader()
                .read(
                        new ByteArrayInputStream(document),
                        syntax,
                        new ReadLimits(10_000, Duration.ofMinutes(10), Clock.systemUTC()),
                        o -> {
                            if (o instanceof ReadOutcome.Accepted a) {
                                out.add(a.event());
                            }
                        });
        return out;
    }

    static String key(EpcisEvent e) {
        return e.eventId() + (e.json().has("errorDeclaration") ? "#declared" : "");
    }

    /** What a captured event should read back as: itself, or the first event captured under its key. */
    List<String> expectConflicts(List<EpcisEvent> events) {
        var conflicts = new ArrayList<String>();
        for (EpcisEvent e : events) {
            JsonNode earlier = first.putIfAbsent(key(e), e.json());
            if (earlier != null && !earlier.equals(NUMBERS, e.json())) {
                conflicts.add(e.eventId());
            }
        }
        return conflicts;
    }

    void readsBackAsCaptured(String file, EpcisEvent e) {
        MvcTestResult r = mvc.get()
                .uri(java.net.URI.create(
                        "/epcis/events?EQ_eventID=" + URLEncoder.encode(e.eventId(), StandardCharsets.UTF_8)))
                .with(new EpcisFixtures(mvc, identity, capturing).as("producer"))
                .exchange();
        assertThat(r).as(file).hasStatusOk();
        JsonNode list = JSON.readTree(body(r)).at("/epcisBody/queryResults/resultsBody/eventList");
        JsonNode expected = first.get(key(e));
        assertThat(list.size()).as(file + " " + e.eventId()).isPositive();
        boolean found = false;
        for (JsonNode stored : list) {
            ObjectNode copy = ((ObjectNode) stored).deepCopy();
            assertThat(copy.remove("recordTime")).as("recordTime is set").isNotNull();
            if (copy.equals(NUMBERS, expected)) {
                found = true;
            }
        }
        assertThat(found)
                .as(file + ": " + e.eventId() + " reads back as captured; got " + list)
                .isTrue();
    }

    MvcTestResult awaitJob(String location) {
        var fixtures = new EpcisFixtures(mvc, identity, capturing);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            MvcTestResult job = fixtures.get("producer", location);
            assertThat(job).hasStatusOk();
            if (!(Boolean) read(job, "$.running")) {
                return job;
            }
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    @Test
    void everyValidExampleIsCapturedAndReadsBackEquivalently() throws IOException {
        var fixtures = new EpcisFixtures(mvc, identity, capturing);
        int documents = 0, events = 0, conflicts = 0;
        for (Path file : files("Documents")) {
            byte[] bytes = Files.readAllBytes(file);
            List<EpcisEvent> inFile = events(bytes);
            assertThat(inFile).as(file.toString()).isNotEmpty();
            List<String> expectedConflicts = expectConflicts(inFile);
            MvcTestResult accepted = mvc.post()
                    .uri("/epcis/capture")
                    .with(fixtures.as("producer"))
                    .header("GS1-Capture-Error-Behaviour", "proceed")
                    .contentType("application/ld+json")
                    .content(bytes)
                    .exchange();
            assertThat(accepted).as(file.toString()).hasStatus(202);
            MvcTestResult job = awaitJob(accepted.getResponse().getHeader(HttpHeaders.LOCATION));
            String name = file.getFileName().toString();
            if (expectedConflicts.isEmpty()) {
                assertThat(read(job, "$.success").toString())
                        .as(name + " " + body(job))
                        .isEqualTo("true");
            } else {
                List<String> rejected = read(job, "$.errors[0].events[*].eventID");
                assertThat(rejected).as(name).containsExactlyInAnyOrderElementsOf(expectedConflicts);
                assertThat(body(job)).contains("captured before with other content");
                conflicts += expectedConflicts.size();
            }
            for (EpcisEvent e : inFile) {
                readsBackAsCaptured(name, e);
            }
            documents++;
            events += inFile.size();
        }
        for (Path file : files("Events")) {
            byte[] bytes = Files.readAllBytes(file);
            List<EpcisEvent> inFile = events(bytes);
            assertThat(inFile).hasSize(1);
            List<String> expectedConflicts = expectConflicts(inFile);
            MvcTestResult r = mvc.post()
                    .uri("/epcis/events")
                    .with(fixtures.as("producer"))
                    .contentType("application/json")
                    .content(bytes)
                    .exchange();
            String name = file.getFileName().toString();
            if (expectedConflicts.isEmpty()) {
                assertThat(r).as(name + " " + body(r)).hasStatus(201);
            } else {
                assertThat(r).as(name).hasStatus(400);
                assertThat(body(r)).contains("captured before with other content");
                conflicts++;
            }
            readsBackAsCaptured(name, inFile.getFirst());
            events++;
        }
        assertThat(documents).isGreaterThanOrEqualTo(20);
        assertThat(events).isGreaterThan(documents);
        assertThat(conflicts)
                .as("eventIDs the GS1 samples reuse for other events")
                .isLessThanOrEqualTo(4);
    }

    /** Whether a stored event under this event's eventID equals it (plus recordTime). */
    boolean storedEqual(EpcisEvent e) {
        MvcTestResult r = mvc.get()
                .uri(java.net.URI.create(
                        "/epcis/events?EQ_eventID=" + URLEncoder.encode(e.eventId(), StandardCharsets.UTF_8)))
                .with(new EpcisFixtures(mvc, identity, capturing).as("producer"))
                .exchange();
        assertThat(r).hasStatusOk();
        for (JsonNode stored : JSON.readTree(body(r)).at("/epcisBody/queryResults/resultsBody/eventList")) {
            ObjectNode copy = ((ObjectNode) stored).deepCopy();
            copy.remove("recordTime");
            if (copy.equals(NUMBERS, e.json())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyValidXmlExampleIsCapturedAndReadsBackEquivalently() throws IOException {
        var fixtures = new EpcisFixtures(mvc, identity, capturing);
        int events = 0, conflicts = 0;
        for (String folder : List.of("Documents", "Events")) {
            for (Path file : files(XML_ROOT, folder, ".xml")) {
                // The XML samples repeat the JSON samples' eventIDs; give them their own so that this test does not
                // depend on whether the JSON ones (read from the other syntax, not always identical) came first.
                byte[] bytes = Files.readString(file)
                        .replace("</eventID>", "-xml</eventID>")
                        .getBytes(StandardCharsets.UTF_8);
                List<EpcisEvent> inFile = events(bytes, Syntax.XML);
                String name = folder + "/" + file.getFileName();
                assertThat(inFile).as(name).isNotEmpty();
                MvcTestResult accepted = mvc.post()
                        .uri("/epcis/capture")
                        .with(fixtures.as("producer"))
                        .header("GS1-Capture-Error-Behaviour", "proceed")
                        .contentType("application/xml")
                        .content(bytes)
                        .exchange();
                assertThat(accepted).as(name).hasStatus(202);
                MvcTestResult job = awaitJob(accepted.getResponse().getHeader(HttpHeaders.LOCATION));
                List<String> rejected = read(job, "$.errors[*].events[*].eventID");
                for (EpcisEvent e : inFile) {
                    if (rejected.contains(e.eventId())) {
                        // the same eventID was captured before with other content (JSON sample or another file)
                        assertThat(body(job)).as(name).contains("captured before with other content");
                        conflicts++;
                    } else {
                        assertThat(storedEqual(e))
                                .as(name + ": " + e.eventId() + " reads back")
                                .isTrue();
                    }
                    events++;
                }
            }
        }
        assertThat(events).isGreaterThan(20);
        // Conflicts (25 of the XML events when this was written) are events whose eventID was captured before with
        // other content; each was rejected with that reason and the first kept. Their number is not asserted.
        assertThat(conflicts).isLessThan(events);
    }

    @Test
    void xmlExternalEntitiesAreNeverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE epcis [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2026-03-01T00:00:00Z"><EPCISBody><EventList><ObjectEvent>
                  <eventTime>2026-03-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                  <epcList><epc>&secret;</epc></epcList><action>OBSERVE</action>
                </ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>""";
        var fixtures = new EpcisFixtures(mvc, identity, capturing);
        MvcTestResult accepted = mvc.post()
                .uri("/epcis/capture")
                .with(fixtures.as("producer"))
                .contentType("application/xml")
                .content(xxe)
                .exchange();
        assertThat(accepted).hasStatus(202);
        MvcTestResult job = awaitJob(accepted.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(read(job, "$.success").toString()).isEqualTo("false");
        assertThat(read(job, "$.errors[0].type").toString()).isEqualTo("epcisException:ValidationException");
        assertThat(read(job, "$.eventsStored").toString()).isEqualTo("0");
        assertThat(body(job)).doesNotContain("root:");
    }

    @Test
    void everyInvalidXmlExampleIsRejectedWithAValidationException() throws IOException {
        var fixtures = new EpcisFixtures(mvc, identity, capturing);
        for (Path file : files(XML_ROOT, "Invalid", ".xml")) {
            MvcTestResult accepted = mvc.post()
                    .uri("/epcis/capture")
                    .with(fixtures.as("producer"))
                    .contentType("application/xml")
                    .content(Files.readAllBytes(file))
                    .exchange();
            assertThat(accepted).hasStatus(202);
            MvcTestResult job = awaitJob(accepted.getResponse().getHeader(HttpHeaders.LOCATION));
            String name = file.getFileName().toString();
            assertThat(read(job, "$.success").toString())
                    .as(name + " " + body(job))
                    .isEqualTo("false");
            assertThat(read(job, "$.errors[0].type").toString())
                    .as(name)
                    .isEqualTo("epcisException:ValidationException");
            assertThat(read(job, "$.eventsStored").toString()).as(name).isEqualTo("0");
        }
    }

    @Test
    void everyInvalidExampleIsRejectedWithAValidationException() throws IOException {
        var fixtures = new EpcisFixtures(mvc, identity, capturing);
        List<Path> invalid = files("Invalid");
        assertThat(invalid).isNotEmpty();
        for (Path file : invalid) {
            MvcTestResult accepted = mvc.post()
                    .uri("/epcis/capture")
                    .with(fixtures.as("producer"))
                    .contentType("application/json")
                    .content(Files.readAllBytes(file))
                    .exchange();
            assertThat(accepted).hasStatus(202);
            MvcTestResult job = awaitJob(accepted.getResponse().getHeader(HttpHeaders.LOCATION));
            String name = file.getFileName().toString();
            assertThat(read(job, "$.success").toString())
                    .as(name + " " + body(job))
                    .isEqualTo("false");
            assertThat(read(job, "$.errors[0].type").toString())
                    .as(name)
                    .isEqualTo("epcisException:ValidationException");
            assertThat(read(job, "$.eventsStored").toString()).as(name).isEqualTo("0");
        }
    }
}
