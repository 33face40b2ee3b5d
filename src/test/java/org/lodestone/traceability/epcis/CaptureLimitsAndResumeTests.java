package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lodestone.support.DemoLogins;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.lodestone.traceability.epcis.store.EventStore;
import org.lodestone.traceability.epcis.store.EventStore.Visibility;
import org.lodestone.traceability.epcis.store.JobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over real HTTP with a 4 MB document limit (#5): a body whose Content-Length is over the limit is refused with 413
 * before it is read, and a chunked body that just keeps going (a generated 300 MB stream, never held in memory) is cut
 * off at the limit with nothing stored. Durability: an acknowledged job whose worker died (queued or half-run) is
 * finished by a restarted worker, and one that never finished spooling is dropped.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lodestone.epcis.max-document-size=4MB")
@AutoConfigureMockMvc
class CaptureLimitsAndResumeTests {

    static final long HUGE = 300L * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobStore jobStore;

    @Autowired
    Capturing capturing;

    @Autowired
    ObjectProvider<DocumentReading> reading;

    @Autowired
    EpcisProperties properties;

    @Autowired
    JsonMapper json;

    @Autowired
    EventStore events;

    @Autowired
    org.lodestone.identity.Identity identity;

    /** An EPCISDocument that never ends: a header, then the same event over and over, up to {@code size} bytes. */
    static InputStream endless(long size, AtomicLong produced) {
        byte[] head = ("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],"
                        + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"2026-03-01T00:00:00Z\","
                        + "\"epcisBody\":{\"eventList\":[")
                .getBytes(StandardCharsets.UTF_8);
        byte[] event = ("{\"type\":\"ObjectEvent\",\"action\":\"OBSERVE\",\"eventTime\":\"2026-03-01T00:00:00Z\","
                        + "\"eventTimeZoneOffset\":\"+00:00\",\"epcList\":[\"urn:epc:id:sgtin:6901234.012345.1\"]},")
                .getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long at = produced.get();
                if (at >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - at);
                for (int i = 0; i < n; i++) {
                    long p = at + i;
                    b[off + i] = p < head.length ? head[(int) p] : event[(int) ((p - head.length) % event.length)];
                }
                produced.addAndGet(n);
                return n;
            }
        };
    }

    long spooledChunks() {
        return jdbc.sql("SELECT COUNT(*) FROM ep_capture_body")
                .query(Long.class)
                .single();
    }

    long jobs() {
        return jdbc.sql("SELECT COUNT(*) FROM ep_capture_job").query(Long.class).single();
    }

    HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/epcis/capture"))
                .header("Authorization", "Bearer " + DemoLogins.token(mvc, "producer"))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .timeout(Duration.ofSeconds(60));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        long jobsBefore = jobs();
        var produced = new AtomicLong();
        Integer status = null;
        String body = "";
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    request()
                            .POST(HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(() -> endless(HUGE, produced)), HUGE))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            // Tomcat closes a connection whose unread body exceeds what it swallows, possibly before the client reads
            // the answer: the refusal shows in what was (not) read and (not) stored.
        }
        if (status != null) {
            assertThat(status).as(body).isEqualTo(413);
            assertThat(body).contains("epcisException:CaptureLimitExceededException");
        }
        assertThat(produced.get()).as("the body was not read").isLessThan(HUGE / 10);
        assertThat(jobs()).isEqualTo(jobsBefore);
    }

    @Test
    void aChunkedBodyThatKeepsGoingIsCutOffAtTheLimitAndNothingIsKept() throws Exception {
        long jobsBefore = jobs();
        var produced = new AtomicLong();
        Integer status = null;
        String body = "";
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    request()
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless(HUGE, produced)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            // The server may close the connection while the client is still sending: also a refusal.
        }
        if (status != null) {
            assertThat(status).as(body).isEqualTo(413);
            assertThat(body).contains("CaptureLimitExceededException");
        }
        assertThat(produced.get()).as("the stream was not read to its end").isLessThan(HUGE / 2);
        assertThat(spooledChunks()).isZero();
        assertThat(jobs()).isEqualTo(jobsBefore);
    }

    @Test
    void aRestartedWorkerFinishesAcknowledgedJobsAndDropsUnacknowledgedOnes() throws Exception {
        var producer = new EpcisFixtures(mvc, identity, capturing).producer();
        String queuedEvent = "urn:uuid:" + UUID.randomUUID();
        String runningEvent = "urn:uuid:" + UUID.randomUUID();
        UUID queued = spool(producer, queuedEvent, true);
        UUID running = spool(producer, runningEvent, true);
        assertThat(jobStore.running(running))
                .as("a worker had claimed it, then died")
                .isTrue();
        UUID spooling = spool(producer, "urn:uuid:" + UUID.randomUUID(), false);

        var restarted = new CaptureJobs(jobStore, capturing, reading, properties, Clock.systemUTC(), json);
        try {
            assertThat(restarted.resume()).isGreaterThanOrEqualTo(2);
            assertThat(restarted.awaitIdle(30_000)).isTrue();
        } finally {
            restarted.destroy();
        }
        assertThat(jobStore.find(queued).orElseThrow().success()).isTrue();
        assertThat(jobStore.find(running).orElseThrow().success()).isTrue();
        assertThat(jobStore.find(spooling)).as("never acknowledged").isEmpty();
        assertThat(events.find(queuedEvent, Visibility.ALL)).isPresent();
        assertThat(events.find(runningEvent, Visibility.ALL)).isPresent();

        // A second resume finds nothing to do, and running the same job again stores nothing twice.
        assertThat(jobStore.running(queued)).isFalse();
    }

    private UUID spool(Reporter producer, String eventId, boolean acknowledged) {
        String doc = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-03-01T09:00:00Z",
                 "epcisBody": {"eventList": [{"type": "ObjectEvent", "eventID": "%s", "action": "OBSERVE",
                   "eventTime": "2026-03-01T08:00:00Z", "eventTimeZoneOffset": "+00:00",
                   "epcList": ["urn:epc:id:sgtin:6901234.012345.5"]}]}}""".formatted(eventId);
        UUID id = UUID.randomUUID();
        jobStore.create(
                id, producer.organisation(), producer.username(), producer.region(), "JSON", "ROLLBACK", Instant.now());
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        jobStore.appendChunk(id, 0, bytes, bytes.length);
        if (acknowledged) {
            jobStore.queued(id, bytes.length);
        }
        assertThat(new ByteArrayInputStream(bytes)).isNotNull();
        return id;
    }
}
