package org.lodestone.traceability.epcis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventQuery;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.TestEvents;
import org.lodestone.traceability.epcis.store.EventStore.Capture;
import org.lodestone.traceability.epcis.store.EventStore.NewEvent;
import org.lodestone.traceability.epcis.store.EventStore.Row;
import org.lodestone.traceability.epcis.store.EventStore.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The EPCIS event and job tables on H2 and PostgreSQL (#5): events insert in one batch with consecutive seqs and move
 * the counter; stored hashes are found by eventID; every query filter selects by its index rows; idpat patterns match
 * by prefix; enterprises see only events they are readers of, authorities those of their jurisdiction; jobs keep
 * their state and a spooled body reads back byte for byte.
 */
class EventStoreContractTests {

    static final OrganisationId MAKER = new OrganisationId(UUID.randomUUID());
    static final OrganisationId MINE = new OrganisationId(UUID.randomUUID());
    static final OrganisationId RIVAL = new OrganisationId(UUID.randomUUID());
    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

    abstract static class Contract {

        EventStore store;
        JobStore jobs;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            DataSource ds = freshDatabase();
            store = new EventStore(new JdbcTemplate(ds));
            jobs = new JobStore(JdbcClient.create(ds));
        }

        long[] insert(OrganisationId reporter, String region, Set<OrganisationId> readers, EpcisEvent... events) {
            long next = store.lockSeq();
            List<NewEvent> list = java.util.Arrays.stream(events)
                    .map(e -> new NewEvent(e, "h-" + e.eventId(), e.json().toString(), readers))
                    .toList();
            return store.insert(list, next, new Capture(UUID.randomUUID(), reporter, region, AT));
        }

        List<String> ids(Map<String, List<String>> params, Visibility v) {
            return store.query(EventQuery.parse(params), v, 0, 100).stream()
                    .map(Row::eventId)
                    .toList();
        }

        @Test
        void eventsGetConsecutiveSeqsAndTheirHashesAreFound() {
            EpcisEvent a = TestEvents.object().build();
            EpcisEvent b = TestEvents.object().build();
            long[] first = insert(MAKER, "CN-JX", Set.of(MAKER), a, b);
            EpcisEvent c = TestEvents.object().build();
            long[] second = insert(MAKER, "CN-JX", Set.of(MAKER), c);
            assertThat(first[1]).isEqualTo(first[0] + 1);
            assertThat(second[0]).isEqualTo(first[1] + 1);
            assertThat(store.hashes(List.of(a.eventId(), c.eventId(), "urn:uuid:unknown")))
                    .containsOnlyKeys(a.eventId(), c.eventId())
                    .containsEntry(a.eventId(), "h-" + a.eventId());
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.readers(first[0])).containsExactly(MAKER);
        }

        @Test
        void everyFilterSelectsByItsColumnOrIndexRows() {
            EpcisEvent ship = TestEvents.object()
                    .at(Instant.parse("2026-03-01T10:00:00Z"))
                    .action(org.lodestone.traceability.epcis.Action.ADD)
                    .readPoint("urn:epc:id:sgln:6901234.00001.0")
                    .bizLocation("urn:epc:id:sgln:6901234.00001.1")
                    .epc("urn:epc:id:sgtin:6901234.012345.1001")
                    .quantity("urn:epc:class:lgtin:6901234.012345.L1", "120")
                    .tx("po", "PO-1")
                    .build();
            EpcisEvent pack = TestEvents.object()
                    .type(EventType.AGGREGATION)
                    .bizStep("packing")
                    .disposition("in_progress")
                    .parent("urn:epc:id:sscc:6901234.0000000001")
                    .epc("urn:epc:id:sgtin:6901234.012345.1002")
                    .build();
            EpcisEvent make = TestEvents.object()
                    .type(EventType.TRANSFORMATION)
                    .bizStep("commissioning")
                    .disposition("active")
                    .at(Instant.parse("2026-03-03T10:00:00Z"))
                    .input("urn:epc:class:lgtin:6901234.000001.OX", "100")
                    .output("urn:epc:class:lgtin:6901234.000002.MG", "95")
                    .inputEpc("urn:epc:id:sgtin:6901234.000001.9")
                    .outputEpc("urn:epc:id:sgtin:6901234.000002.9")
                    .tx("urn:lodestone:btt:licence", "LIC-7")
                    .build();
            insert(MAKER, "CN-JX", Set.of(MAKER), ship, pack, make);
            Visibility all = Visibility.ALL;
            assertThat(ids(Map.of("eventType", List.of("AggregationEvent")), all))
                    .containsExactly(pack.eventId());
            assertThat(ids(Map.of("eventType", List.of("ObjectEvent,TransformationEvent")), all))
                    .containsExactly(ship.eventId(), make.eventId());
            assertThat(ids(Map.of("GE_eventTime", List.of("2026-03-02T00:00:00Z")), all))
                    .containsExactly(make.eventId());
            assertThat(ids(Map.of("LT_eventTime", List.of("2026-03-01T10:00:00Z")), all))
                    .containsExactly(pack.eventId());
            assertThat(ids(Map.of("GE_recordTime", List.of("2026-03-02T02:00:00Z")), all))
                    .hasSize(3);
            assertThat(ids(Map.of("LT_recordTime", List.of("2026-03-02T02:00:00Z")), all))
                    .isEmpty();
            assertThat(ids(Map.of("EQ_action", List.of("ADD")), all)).containsExactly(ship.eventId());
            assertThat(ids(Map.of("EQ_bizStep", List.of("urn:epcglobal:cbv:bizstep:packing")), all))
                    .containsExactly(pack.eventId());
            assertThat(ids(Map.of("EQ_disposition", List.of("https://ref.gs1.org/cbv/Disp-active")), all))
                    .containsExactly(make.eventId());
            assertThat(ids(Map.of("EQ_readPoint", List.of("urn:epc:id:sgln:6901234.00001.0")), all))
                    .containsExactly(ship.eventId());
            assertThat(ids(Map.of("EQ_bizLocation", List.of("urn:epc:id:sgln:6901234.00001.1")), all))
                    .containsExactly(ship.eventId());
            assertThat(ids(Map.of("MATCH_epc", List.of("urn:epc:id:sgtin:6901234.012345.1002")), all))
                    .as("childEPCs match MATCH_epc")
                    .containsExactly(pack.eventId());
            assertThat(ids(Map.of("MATCH_epc", List.of("urn:epc:idpat:sgtin:6901234.012345.*")), all))
                    .containsExactly(ship.eventId(), pack.eventId());
            assertThat(ids(Map.of("MATCH_parentID", List.of("urn:epc:id:sscc:6901234.0000000001")), all))
                    .containsExactly(pack.eventId());
            assertThat(ids(Map.of("MATCH_inputEPC", List.of("urn:epc:id:sgtin:6901234.000001.9")), all))
                    .containsExactly(make.eventId());
            assertThat(ids(Map.of("MATCH_outputEPC", List.of("urn:epc:id:sgtin:6901234.000001.9")), all))
                    .isEmpty();
            assertThat(ids(Map.of("MATCH_anyEPC", List.of("urn:epc:id:sscc:6901234.0000000001")), all))
                    .containsExactly(pack.eventId());
            assertThat(ids(Map.of("MATCH_epcClass", List.of("urn:epc:class:lgtin:6901234.012345.L1")), all))
                    .containsExactly(ship.eventId());
            assertThat(ids(Map.of("MATCH_inputEPCClass", List.of("urn:epc:class:lgtin:6901234.000001.OX")), all))
                    .containsExactly(make.eventId());
            assertThat(ids(Map.of("MATCH_outputEPCClass", List.of("urn:epc:class:lgtin:6901234.000001.OX")), all))
                    .isEmpty();
            assertThat(ids(Map.of("MATCH_anyEPCClass", List.of("urn:epc:class:lgtin:6901234.000002.MG")), all))
                    .containsExactly(make.eventId());
            assertThat(ids(Map.of("EQ_bizTransaction_urn:epcglobal:cbv:btt:po", List.of("PO-1")), all))
                    .containsExactly(ship.eventId());
            assertThat(ids(Map.of("EQ_bizTransaction_urn:lodestone:btt:licence", List.of("LIC-7")), all))
                    .containsExactly(make.eventId());
            assertThat(ids(Map.of("EQ_bizTransaction_po", List.of("LIC-7")), all))
                    .isEmpty();
            assertThat(ids(Map.of("EQ_eventID", List.of(pack.eventId(), make.eventId())), all))
                    .containsExactly(pack.eventId(), make.eventId());
            assertThat(ids(Map.of("EQ_bizStep", List.of("packing"), "EQ_disposition", List.of("active")), all))
                    .as("parameters are all required")
                    .isEmpty();
        }

        @Test
        void enterprisesReadTheirOwnAndNamedEventsAuthoritiesTheirJurisdiction() {
            EpcisEvent shared = TestEvents.object().build();
            EpcisEvent own = TestEvents.object().build();
            EpcisEvent rival = TestEvents.object().build();
            insert(MAKER, "CN-JX", Set.of(MAKER, MINE), shared);
            insert(MAKER, "CN-JX", Set.of(MAKER), own);
            insert(RIVAL, "CN-NM", Set.of(RIVAL), rival);
            Map<String, List<String>> any = Map.of();
            assertThat(ids(any, Visibility.enterprise(MAKER))).containsExactly(shared.eventId(), own.eventId());
            assertThat(ids(any, Visibility.enterprise(MINE))).containsExactly(shared.eventId());
            assertThat(ids(any, Visibility.enterprise(RIVAL))).containsExactly(rival.eventId());
            assertThat(ids(any, Visibility.jurisdiction("CN-JX"))).containsExactly(shared.eventId(), own.eventId());
            assertThat(ids(any, Visibility.jurisdiction("CN"))).hasSize(3);
            assertThat(ids(any, Visibility.jurisdiction("CN-N")))
                    .as("CN-N does not cover CN-NM")
                    .isEmpty();
            assertThat(store.find(rival.eventId(), Visibility.enterprise(MAKER)))
                    .isEmpty();
            assertThat(store.find(rival.eventId(), Visibility.enterprise(RIVAL)))
                    .isPresent();
        }

        @Test
        void pagesContinueAfterTheLastSeq() {
            EpcisEvent[] events = new EpcisEvent[5];
            for (int i = 0; i < events.length; i++) {
                events[i] = TestEvents.object().build();
            }
            insert(MAKER, "CN-JX", Set.of(MAKER), events);
            EventQuery q = EventQuery.parse(Map.of());
            List<Row> first = store.query(q, Visibility.ALL, 0, 2);
            List<Row> second = store.query(q, Visibility.ALL, first.getLast().seq(), 2);
            List<Row> third = store.query(q, Visibility.ALL, second.getLast().seq(), 2);
            assertThat(List.of(first, second, third).stream()
                            .flatMap(List::stream)
                            .map(Row::eventId)
                            .toList())
                    .containsExactly(java.util.Arrays.stream(events)
                            .map(EpcisEvent::eventId)
                            .toArray(String[]::new));
        }

        @Test
        void jobsKeepTheirStateAndBodiesReadBackChunkByChunk() throws Exception {
            UUID id = UUID.randomUUID();
            jobs.create(id, MAKER, "producer", "CN-JX", "JSON", "ROLLBACK", AT);
            assertThat(jobs.spooling()).contains(id);
            byte[] data = new byte[JobStore.CHUNK + 10];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i % 251);
            }
            jobs.appendChunk(id, 0, java.util.Arrays.copyOf(data, JobStore.CHUNK), JobStore.CHUNK);
            byte[] tail = java.util.Arrays.copyOfRange(data, JobStore.CHUNK, data.length);
            jobs.appendChunk(id, 1, tail, tail.length);
            jobs.queued(id, data.length);
            assertThat(jobs.unfinished()).containsExactly(id);
            var out = new ByteArrayOutputStream();
            try (InputStream in = jobs.body(id)) {
                in.transferTo(out);
            }
            assertThat(out.toByteArray()).isEqualTo(data);
            assertThat(jobs.running(id)).isTrue();
            jobs.finish(id, false, 1, 2, 3, "{\"x\":1}", AT.plusSeconds(5));
            assertThat(jobs.running(id))
                    .as("a finished job is not claimed again")
                    .isFalse();
            assertThat(jobs.find(id)).hasValueSatisfying(j -> {
                assertThat(j.state()).isEqualTo("DONE");
                assertThat(j.success()).isFalse();
                assertThat(j.stored()).isEqualTo(1);
                assertThat(j.duplicates()).isEqualTo(2);
                assertThat(j.rejected()).isEqualTo(3);
                assertThat(j.finishedAt()).isEqualTo(AT.plusSeconds(5));
            });
            assertThat(new String(jobs.body(id).readAllBytes(), StandardCharsets.UTF_8))
                    .as("the body is dropped once the job is done")
                    .isEmpty();
            assertThat(jobs.list(MAKER, 10)).hasSize(1);
            assertThat(jobs.list(RIVAL, 10)).isEmpty();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.postgres();
        }
    }
}
