package org.lodestone.screening.hits.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.licensing.ScreeningSubject.Kind;
import org.lodestone.screening.hits.Hit;
import org.lodestone.screening.hits.HitState;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hit store on H2 and PostgreSQL (#4): subjects are created once however often they are locked; hits round-trip
 * with their features in any script; the newest row per party and entry is the one in force; adjudication happens
 * only on an OPEN hit at the version read; clearing touches only OPEN hits; counts and filters select exactly; the
 * newest re-screening run supersedes older unfinished ones and its cursor survives.
 */
class HitStoreContractTests {

    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    static final OrganisationId BUREAU = new OrganisationId(UUID.randomUUID());
    static final OrganisationId MINISTRY = new OrganisationId(UUID.randomUUID());

    abstract static class Contract {

        HitStore store;
        JdbcClient sql;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            sql = JdbcClient.create(freshDatabase());
            store = new HitStore(sql, JsonMapper.builder().findAndAddModules().build());
        }

        static ScreeningSubject subject(UUID id, OrganisationId authority) {
            return new ScreeningSubject(Kind.APPLICATION, id, "CN-JX-2026-0001", authority, List.of());
        }

        static Hit hit(UUID subject, OrganisationId authority, String party, String entry, Instant created) {
            return new Hit(
                    UUID.randomUUID(),
                    Kind.APPLICATION,
                    subject,
                    "CN-JX-2026-0001",
                    authority,
                    party,
                    "CONSIGNEE",
                    "Ganzhou Rare Earth Co.",
                    "赣州稀土有限公司",
                    "CN",
                    "party-fp",
                    "赣州稀土有限公司",
                    "us-csl",
                    entry,
                    "entry-fp",
                    "GANZHOU RARE EARTH GROUP",
                    "Ganzhou Rare Earth Group Co., Ltd.",
                    0.87654,
                    Map.of("nameSimilarity", 0.9, "matchedTokens", "ganzhou rare earth", "countryAgreement", true),
                    HitState.OPEN,
                    null,
                    created,
                    created,
                    null,
                    null,
                    null,
                    0);
        }

        @Test
        void aSubjectIsCreatedOnceHoweverOftenItIsLocked() {
            UUID id = UUID.randomUUID();
            store.lockSubject(subject(id, BUREAU), AT);
            store.lockSubject(subject(id, BUREAU), AT.plusSeconds(5));
            store.screened(subject(id, BUREAU), AT.plusSeconds(9), 42);
            assertThat(sql.sql("SELECT COUNT(*) FROM sc_subject WHERE subject_id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(store.screenedAt(Kind.APPLICATION, id)).contains(AT.plusSeconds(9));
        }

        @Test
        void hitsRoundTripAndTheNewestRowPerPartyAndEntryIsInForce() {
            UUID app = UUID.randomUUID();
            Hit first = hit(app, BUREAU, "p1", "E1", AT);
            store.insert(first);
            assertThat(store.find(first.id())).hasValueSatisfying(h -> {
                assertThat(h.partyNameOriginal()).isEqualTo("赣州稀土有限公司");
                assertThat(h.features())
                        .containsEntry("matchedTokens", "ganzhou rare earth")
                        .containsEntry("countryAgreement", true);
                assertThat(h.score()).isEqualTo(0.8765);
                assertThat(h.authority()).isEqualTo(BUREAU);
                assertThat(h.createdAt()).isEqualTo(AT);
            });
            assertThat(store.adjudicate(first.id(), HitState.FALSE_POSITIVE, "reviewer", AT, "Other firm", 0))
                    .isTrue();
            Hit second = hit(app, BUREAU, "p1", "E1", AT.plusSeconds(60));
            store.insert(second);
            Hit other = hit(app, BUREAU, "p2", "E1", AT.plusSeconds(30));
            store.insert(other);
            assertThat(store.current(Kind.APPLICATION, app))
                    .extracting(Hit::id)
                    .containsExactlyInAnyOrder(second.id(), other.id());
        }

        @Test
        void onlyAnOpenHitAtTheVersionReadIsAdjudicated() {
            Hit h = hit(UUID.randomUUID(), BUREAU, "p1", "E1", AT);
            store.insert(h);
            assertThat(store.adjudicate(h.id(), HitState.TRUE_MATCH, "reviewer", AT, "Same firm", 3))
                    .isFalse();
            assertThat(store.adjudicate(h.id(), HitState.TRUE_MATCH, "reviewer", AT, "Same firm", 0))
                    .isTrue();
            assertThat(store.adjudicate(h.id(), HitState.FALSE_POSITIVE, "other", AT, "No", 1))
                    .isFalse();
            assertThat(store.clear(h.id(), "entry left")).isFalse();
            assertThat(store.find(h.id())).hasValueSatisfying(x -> {
                assertThat(x.state()).isEqualTo(HitState.TRUE_MATCH);
                assertThat(x.adjudicatedBy()).isEqualTo("reviewer");
                assertThat(x.rationale()).isEqualTo("Same firm");
                assertThat(x.version()).isEqualTo(1);
            });
        }

        @Test
        void countsFiltersAndClearingSelectExactly() {
            UUID app = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            Hit a = hit(app, BUREAU, "p1", "E1", AT);
            Hit b = hit(app, BUREAU, "p1", "E2", AT.plusSeconds(1));
            Hit c = hit(app, BUREAU, "p2", "E3", AT.plusSeconds(2));
            Hit d = hit(other, MINISTRY, "p1", "E1", AT.plusSeconds(3));
            List.of(a, b, c, d).forEach(store::insert);
            store.adjudicate(b.id(), HitState.TRUE_MATCH, "reviewer", AT, "Same firm", 0);

            assertThat(store.counts(Kind.APPLICATION, app)).isEqualTo(new HitStore.Counts(2, 1));
            assertThat(store.list(HitState.OPEN, BUREAU, null, 0, 50))
                    .extracting(Hit::id)
                    .containsExactly(c.id(), a.id());
            assertThat(store.list(null, null, null, 0, 50)).hasSizeGreaterThanOrEqualTo(4);
            assertThat(store.list(null, null, other, 0, 50)).extracting(Hit::id).containsExactly(d.id());
            assertThat(store.count(HitState.OPEN, MINISTRY, null)).isEqualTo(1);
            assertThat(store.list(HitState.OPEN, BUREAU, app, 1, 1))
                    .extracting(Hit::id)
                    .containsExactly(a.id());

            assertThat(store.clear(a.id(), "the entry left its list")).isTrue();
            assertThat(store.clearAll(Kind.APPLICATION, app, "withdrawn")).isEqualTo(1);
            assertThat(store.counts(Kind.APPLICATION, app)).isEqualTo(new HitStore.Counts(0, 1));
            assertThat(store.find(a.id()).orElseThrow().clearedReason()).isEqualTo("the entry left its list");
            assertThat(store.find(c.id()).orElseThrow().clearedReason()).isEqualTo("withdrawn");
        }

        @Test
        void theNewestRunSupersedesOlderOnesAndKeepsItsCursor() {
            assertThat(store.unfinishedRuns())
                    .as("the migration asks for a first screening")
                    .isEqualTo(1);
            store.requestRun("release 1 of us-csl activated", AT);
            store.requestRun("release 2 of us-csl activated", AT.plusSeconds(1));
            HitStore.Run run = store.nextRun(AT.plusSeconds(2)).orElseThrow();
            assertThat(run.reason()).isEqualTo("release 2 of us-csl activated");
            assertThat(run.phase()).isEqualTo("APPLICATIONS");
            assertThat(store.unfinishedRuns()).isEqualTo(1);

            UUID cursor = UUID.randomUUID();
            store.advance(run.id(), "LICENCES", cursor, 50, 2);
            HitStore.Run resumed = store.nextRun(AT.plusSeconds(3)).orElseThrow();
            assertThat(resumed).isEqualTo(new HitStore.Run(run.id(), run.reason(), "LICENCES", cursor, 50, 2));
            store.finish(run.id(), AT.plusSeconds(4), "done");
            assertThat(store.unfinishedRuns()).isZero();
            assertThat(store.nextRun(AT.plusSeconds(5))).isEmpty();
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
