package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.epcis.Capturing.CaptureResult;
import org.lodestone.traceability.epcis.Capturing.ErrorBehaviour;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.lodestone.traceability.epcis.store.EventStore;
import org.lodestone.traceability.epcis.store.EventStore.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Capturing events (#5): identical events again are duplicates, not errors, and not published again; other content
 * under a stored eventID is rejected and the first kept; rollback stores nothing of a document with any invalid event
 * (across chunks), proceed stores the valid ones; eventTime beyond the future skew is rejected; captures are audited;
 * without a chain registry only the capturer reads its events.
 */
@IntegrationTest
@RecordApplicationEvents
class CapturingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    Capturing capturing;

    @Autowired
    EventStore store;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApplicationEvents published;

    EpcisFixtures fixtures;
    Reporter producer;

    @BeforeEach
    void setUp() {
        fixtures = new EpcisFixtures(mvc, identity, capturing);
        producer = fixtures.producer();
    }

    List<EventsCaptured> captured() {
        return published.stream(EventsCaptured.class).toList();
    }

    @Test
    void anIdenticalEventAgainIsADuplicateAndNotPublishedAgain() {
        EpcisEvent a = TestEvents.object().build();
        EpcisEvent b = TestEvents.object().build();
        CaptureResult first = fixtures.capture(producer, a, b);
        assertThat(first.success()).isTrue();
        assertThat(first.stored()).isEqualTo(2);
        EpcisEvent c = TestEvents.object().build();
        published.clear();
        CaptureResult second = fixtures.capture(producer, a, c, c);
        assertThat(second.success()).isTrue();
        assertThat(second.stored()).isEqualTo(1);
        assertThat(second.duplicates())
                .as("a again, and c twice in the document")
                .isEqualTo(2);
        assertThat(captured()).singleElement().satisfies(ev -> {
            assertThat(ev.captureId()).isEqualTo(second.captureId());
            assertThat(ev.reporter()).isEqualTo(producer.organisation());
            assertThat(ev.events()).extracting(s -> s.event().eventId()).containsExactly(c.eventId());
            assertThat(ev.events().getFirst().seq()).isPositive();
        });
    }

    @Test
    void otherContentUnderAStoredEventIdIsRejectedAndTheFirstKept() {
        EpcisEvent original = TestEvents.object().comment("first").build();
        fixtures.capture(producer, original);
        EpcisEvent changed =
                TestEvents.object().id(original.eventId()).comment("second").build();
        EpcisEvent other = TestEvents.object().build();

        CaptureResult rolledBack = fixtures.capture(producer, ErrorBehaviour.ROLLBACK, List.of(other, changed));
        assertThat(rolledBack.success()).isFalse();
        assertThat(rolledBack.stored()).isZero();
        assertThat(rolledBack.errors()).singleElement().satisfies(e -> {
            assertThat(e.index()).isEqualTo(1);
            assertThat(e.eventId()).isEqualTo(original.eventId());
            assertThat(e.reason()).contains("captured before with other content", "first event is kept");
        });
        assertThat(store.find(other.eventId(), Visibility.ALL))
                .as("rollback stores nothing")
                .isEmpty();

        CaptureResult proceeded = fixtures.capture(producer, ErrorBehaviour.PROCEED, List.of(other, changed));
        assertThat(proceeded.success()).isFalse();
        assertThat(proceeded.stored()).isEqualTo(1);
        assertThat(proceeded.errors()).hasSize(1);
        assertThat(store.find(other.eventId(), Visibility.ALL)).isPresent();
        assertThat(store.find(original.eventId(), Visibility.ALL).orElseThrow().body())
                .contains("\"first\"")
                .doesNotContain("\"second\"");
    }

    @Test
    void rollbackStoresNothingOfALargeDocumentWithOneInvalidEventAtTheEnd() {
        var events = new ArrayList<EpcisEvent>();
        for (int i = 0; i < 2_500; i++) {
            events.add(TestEvents.object().build());
        }
        UUID captureId = UUID.randomUUID();
        CaptureResult r = capturing.capture(
                captureId,
                producer,
                ErrorBehaviour.ROLLBACK,
                sink -> {
                    for (int i = 0; i < events.size(); i++) {
                        sink.accepted(i, events.get(i));
                    }
                    sink.rejected(events.size(), "urn:uuid:bad", "action: 'MOVE' is not ADD, OBSERVE or DELETE", "/x");
                },
                x -> {});
        assertThat(r.success()).isFalse();
        assertThat(r.stored()).isZero();
        assertThat(r.errors()).extracting(Capturing.EventError::eventId).containsExactly("urn:uuid:bad");
        assertThat(store.countByCapture(captureId)).isZero();

        UUID proceedId = UUID.randomUUID();
        CaptureResult p = capturing.capture(
                proceedId,
                producer,
                ErrorBehaviour.PROCEED,
                sink -> {
                    for (int i = 0; i < events.size(); i++) {
                        sink.accepted(i, events.get(i));
                    }
                    sink.rejected(events.size(), "urn:uuid:bad", "bad action", "/x");
                },
                x -> {});
        assertThat(p.stored()).isEqualTo(2_500);
        assertThat(store.countByCapture(proceedId)).isEqualTo(2_500);
    }

    @Test
    void eventsTooFarInTheFutureAreRejected() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EpcisEvent soon =
                TestEvents.object().at(now.plus(5, ChronoUnit.MINUTES)).build();
        EpcisEvent later = TestEvents.object().at(now.plus(1, ChronoUnit.HOURS)).build();
        CaptureResult r = fixtures.capture(producer, ErrorBehaviour.PROCEED, List.of(soon, later));
        assertThat(r.stored()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(later.eventId());
            assertThat(e.reason()).contains("in the future beyond the allowed skew of PT10M");
            assertThat(e.pointer()).isEqualTo("/epcisBody/eventList/1/eventTime");
        });
    }

    @Test
    void capturesAreAuditedAndOnlyTheCapturerReadsWithoutAChainRegistry() {
        EpcisEvent e =
                TestEvents.object().readPoint("urn:epc:id:sgln:6901234.00001.0").build();
        CaptureResult r = fixtures.capture(producer, e);
        assertThat(audit.find(new AuditQuery("EpcisCapture", r.captureId().toString(), null, null, null, 5)))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.action()).isEqualTo("epcis.capture");
                    assertThat(a.actor()).isEqualTo("producer");
                    assertThat(a.detail()).contains("stored 1, duplicates 0, rejected 0");
                });
        long seq = store.find(e.eventId(), Visibility.ALL).orElseThrow().seq();
        assertThat(store.readers(seq)).containsExactly(producer.organisation());
    }

    @Test
    void theStoredBodyIsTheEventWithTheRepositorysRecordTime() {
        EpcisEvent e =
                TestEvents.object().epc("urn:epc:id:sgtin:6901234.012345.77").build();
        fixtures.capture(producer, e);
        String body = store.find(e.eventId(), Visibility.ALL).orElseThrow().body();
        assertThat(body).startsWith("{\"type\":\"ObjectEvent\"").contains("\"recordTime\":\"");
        assertThat(body.replaceAll(",\"recordTime\":\"[^\"]+\"", ""))
                .isEqualTo(e.json().toString());
    }
}
