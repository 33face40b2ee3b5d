package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.epcis.EpcisFixtures.body;
import static org.lodestone.traceability.epcis.EpcisFixtures.read;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.epcis.EpcisFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * {@code POST /epcis/capture} and {@code POST /epcis/events} through HTTP with JSON documents (#5): 202 with the job's
 * location, the job JSON as the standard describes it, rollback (default) vs proceed, duplicates and conflicting
 * duplicates, future skew, malformed documents and unknown event types, the single-event capture's 201/400, and
 * another organisation's job answering 404.
 */
@IntegrationTest
class CaptureApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    Capturing capturing;

    @Autowired
    AuditTrail audit;

    EpcisFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new EpcisFixtures(mvc, identity, capturing);
    }

    static String event(String id, String action, String time) {
        return """
                {"type": "ObjectEvent", "eventID": "%s", "action": "%s", "bizStep": "shipping",
                 "disposition": "in_transit", "epcList": ["urn:epc:id:sgtin:6901234.012345.%s"],
                 "eventTime": "%s", "eventTimeZoneOffset": "+08:00",
                 "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"}}""".formatted(id, action, UUID.randomUUID().toString().substring(0, 6), time);
    }

    static String event(String id) {
        return event(id, "OBSERVE", "2026-03-01T08:00:00+08:00");
    }

    static String document(String... events) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
                 "epcisBody": {"eventList": [%s]}}""".formatted(String.join(",", events));
    }

    static String id() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    MvcTestResult post(String user, String body, String contentType, String behaviour) {
        var call = mvc.post()
                .uri("/epcis/capture")
                .with(fixtures.as(user))
                .contentType(contentType)
                .content(body);
        if (behaviour != null) {
            call.header("GS1-Capture-Error-Behaviour", behaviour);
        }
        return call.exchange();
    }

    /** Posts a document and waits for its job to finish; returns the job JSON. */
    MvcTestResult capture(String user, String body, String behaviour) {
        MvcTestResult accepted = post(user, body, "application/ld+json", behaviour);
        assertThat(accepted).as(body(accepted)).hasStatus(202);
        String location = accepted.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/epcis/capture/");
        return awaitJob(user, location);
    }

    MvcTestResult awaitJob(String user, String location) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            MvcTestResult job = fixtures.get(user, location);
            assertThat(job).as(body(job)).hasStatusOk();
            if (!(Boolean) read(job, "$.running")) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("job finishes").isLessThan(deadline);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    List<String> stored(String user, String... ids) {
        String q = URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
        MvcTestResult r = fixtures.get(user, "/epcis/events?EQ_eventID=" + q);
        assertThat(r).hasStatusOk();
        return read(r, "$.epcisBody.queryResults.resultsBody.eventList[*].eventID");
    }

    @Test
    void aValidDocumentIsAcceptedAndItsJobSucceeds() {
        String a = id(), b = id();
        MvcTestResult accepted = post("producer", document(event(a), event(b)), "application/json", null);
        assertThat(accepted).hasStatus(202);
        assertThat(accepted.getResponse().getHeader("GS1-EPCIS-Capture-Limit")).isNotBlank();
        MvcTestResult job = awaitJob("producer", accepted.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(read(job, "$.success").toString()).as(body(job)).isEqualTo("true");
        assertThat(read(job, "$.captureErrorBehaviour").toString()).isEqualTo("rollback");
        assertThat(read(job, "$.captureID").toString())
                .isEqualTo(
                        accepted.getResponse().getHeader(HttpHeaders.LOCATION).substring(15));
        assertThat(read(job, "$.createdAt").toString()).isNotBlank();
        assertThat(read(job, "$.finishedAt").toString()).isNotBlank();
        assertThat(read(job, "$.eventsStored").toString()).isEqualTo("2");
        assertThat(read(job, "$.errors").toString()).isEqualTo("[]");
        assertThat(stored("producer", a, b)).containsExactly(a, b);
        String captureId = read(job, "$.captureID");
        assertThat(audit.find(new AuditQuery("EpcisCapture", captureId, null, null, null, 5)))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("stored 2"));

        MvcTestResult list = fixtures.get("producer", "/epcis/capture");
        assertThat(list).hasStatusOk();
        assertThat(body(list)).contains(captureId);
    }

    @Test
    void rollbackStoresNothingOfADocumentWithAnInvalidEventProceedStoresTheValidOnes() {
        String good = id(), bad = id();
        MvcTestResult rolledBack =
                capture("producer", document(event(good), event(bad, "MOVE", "2026-03-01T08:00:00Z")), null);
        assertThat(read(rolledBack, "$.success").toString()).isEqualTo("false");
        assertThat(read(rolledBack, "$.errors[0].type").toString()).isEqualTo("epcisException:ValidationException");
        assertThat(read(rolledBack, "$.errors[0].events[0].index").toString()).isEqualTo("1");
        assertThat(read(rolledBack, "$.errors[0].events[0].eventID").toString()).isEqualTo(bad);
        assertThat(read(rolledBack, "$.errors[0].events[0].reason").toString()).contains("action");
        assertThat(stored("producer", good, bad)).isEmpty();

        MvcTestResult proceeded =
                capture("producer", document(event(good), event(bad, "MOVE", "2026-03-01T08:00:00Z")), "proceed");
        assertThat(read(proceeded, "$.captureErrorBehaviour").toString()).isEqualTo("proceed");
        assertThat(read(proceeded, "$.success").toString()).isEqualTo("false");
        assertThat(read(proceeded, "$.eventsStored").toString()).isEqualTo("1");
        assertThat(read(proceeded, "$.eventsRejected").toString()).isEqualTo("1");
        assertThat(stored("producer", good, bad)).containsExactly(good);
    }

    @Test
    void duplicatesAreCountedConflictsRejectedAndTheFirstKept() {
        String a = id();
        String first = event(a);
        capture("producer", document(first), null);
        MvcTestResult again = capture("producer", document(first), null);
        assertThat(read(again, "$.success").toString()).isEqualTo("true");
        assertThat(read(again, "$.eventsStored").toString()).isEqualTo("0");
        assertThat(read(again, "$.eventsDuplicate").toString()).isEqualTo("1");

        MvcTestResult conflict = capture("producer", document(event(a)), null);
        assertThat(read(conflict, "$.success").toString()).isEqualTo("false");
        assertThat(read(conflict, "$.errors[0].events[0].reason").toString())
                .contains("captured before with other content");
        MvcTestResult kept = fixtures.get("producer", "/epcis/events/" + a);
        assertThat(kept).hasStatusOk();
        String epc = first.substring(first.indexOf("urn:epc:id:sgtin"), first.indexOf("\"]"));
        assertThat(body(kept)).contains(epc);
    }

    @Test
    void eventsBeyondTheFutureSkewAreRejected() {
        String late = id();
        String time = Instant.now()
                .plus(2, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        MvcTestResult job = capture("producer", document(event(late, "OBSERVE", time)), null);
        assertThat(read(job, "$.success").toString()).isEqualTo("false");
        assertThat(read(job, "$.errors[0].events[0].reason").toString()).contains("future");
        assertThat(stored("producer", late)).isEmpty();
    }

    @Test
    void malformedDocumentsAndUnknownEventTypesFailWithAValidationException() {
        MvcTestResult malformed = capture("producer", "{\"@context\": [\"x\"], \"type\": \"EPCISDocument\",", null);
        assertThat(read(malformed, "$.success").toString()).isEqualTo("false");
        assertThat(read(malformed, "$.errors[0].type").toString()).isEqualTo("epcisException:ValidationException");
        assertThat(read(malformed, "$.errors[0].detail").toString()).isNotBlank();

        String unknown = id();
        MvcTestResult box =
                capture("producer", document(event(unknown).replace("\"ObjectEvent\"", "\"BoxEvent\"")), null);
        assertThat(read(box, "$.success").toString()).isEqualTo("false");
        assertThat(body(box)).contains("BoxEvent");

        MvcTestResult wrongType = post("producer", "a,b", "text/csv", null);
        assertThat(wrongType).hasStatus(415);
        MvcTestResult wrongBehaviour = post("producer", document(), "application/json", "sometimes");
        assertThat(wrongBehaviour).hasStatus(400);
        assertThat(body(wrongBehaviour)).contains("GS1-Capture-Error-Behaviour");
    }

    @Test
    void aSingleEventIsCapturedSynchronously() {
        String a = id();
        MvcTestResult created = mvc.post()
                .uri("/epcis/events")
                .with(fixtures.as("producer"))
                .contentType("application/json")
                .content(event(a).replaceFirst(
                                "\\{",
                                "{\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"], "))
                .exchange();
        assertThat(created).as(body(created)).hasStatus(201);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .isEqualTo("/epcis/events/" + URLEncoder.encode(a, StandardCharsets.UTF_8));
        assertThat(stored("producer", a)).containsExactly(a);

        MvcTestResult invalid = mvc.post()
                .uri("/epcis/events")
                .with(fixtures.as("producer"))
                .contentType("application/json")
                .content(event(id(), "MOVE", "2026-03-01T08:00:00Z")
                        .replaceFirst(
                                "\\{",
                                "{\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"], "))
                .exchange();
        assertThat(invalid).hasStatus(400);
        assertThat(invalid.getResponse().getContentType()).contains("application/problem+json");
        assertThat(read(invalid, "$.type").toString()).isEqualTo("epcisException:ValidationException");
        assertThat(read(invalid, "$.detail").toString()).contains("action");
    }

    @Test
    void anotherOrganisationsJobIsNotFound() {
        User rival = fixtures.reporter("CN-NM");
        MvcTestResult accepted = post(rival.username(), document(event(id())), "application/json", null);
        assertThat(accepted).hasStatus(202);
        String location = accepted.getResponse().getHeader(HttpHeaders.LOCATION);
        awaitJob(rival.username(), location);
        MvcTestResult other = fixtures.get("producer", location);
        assertThat(other).hasStatus(404);
        assertThat(read(other, "$.type").toString()).isEqualTo("epcisException:NoSuchResourceException");
        assertThat(body(fixtures.get("producer", "/epcis/capture"))).doesNotContain(location.substring(15));
        assertThat(fixtures.get("producer", "/epcis/capture/not-a-uuid")).hasStatus(404);
        assertThat(Map.of()).isEmpty();
    }
}
