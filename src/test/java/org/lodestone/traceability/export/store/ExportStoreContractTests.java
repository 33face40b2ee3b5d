package org.lodestone.traceability.export.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.export.store.ExportStore.ExportRow;
import org.lodestone.traceability.export.store.ExportStore.State;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The export queue on H2 and PostgreSQL (#5): an event is queued once; only a pending row settles, once; failures
 * count attempts; the sweep sees old pending rows under the attempt limit; lists filter by region prefix, reporter and
 * state.
 */
class ExportStoreContractTests {

    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");

    abstract static class Contract {

        ExportStore store;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            store = new ExportStore(JdbcClient.create(freshDatabase()));
        }

        static ExportRow row(long seq, UUID reporter, String region) {
            return new ExportRow(
                    seq,
                    "urn:uuid:" + seq,
                    AT,
                    reporter,
                    region,
                    "CN-EX-2026-000001",
                    2,
                    "urn:party",
                    null,
                    "[]",
                    State.PENDING,
                    null,
                    0,
                    AT,
                    AT);
        }

        @Test
        void anEventIsQueuedOnceAndSettlesOnce() {
            UUID reporter = UUID.randomUUID();
            assertThat(store.enqueue(row(1, reporter, "CN-JX"))).isTrue();
            assertThat(store.enqueue(row(1, reporter, "CN-JX"))).isFalse();
            ExportRow read = store.find(1).orElseThrow();
            assertThat(read.licenceLine()).isEqualTo(2);
            assertThat(read.eventTime()).isEqualTo(AT);
            assertThat(store.pending(AT.plusSeconds(1), 20, 10)).containsExactly(1L);
            assertThat(store.pending(AT, 20, 10)).isEmpty();

            store.failed(1, "database away", AT.plusSeconds(5));
            assertThat(store.find(1).orElseThrow().attempts()).isEqualTo(1);
            assertThat(store.pending(AT.plusSeconds(1), 1, 10)).isEmpty();

            assertThat(store.settle(1, State.RECORDED, "depleted", AT.plusSeconds(9)))
                    .isTrue();
            assertThat(store.settle(1, State.SIGNALLED, "again", AT.plusSeconds(9)))
                    .isFalse();
            assertThat(store.find(1).orElseThrow().state()).isEqualTo(State.RECORDED);
            assertThat(store.find(1).orElseThrow().outcome()).isEqualTo("depleted");
        }

        @Test
        void listsFilterByRegionReporterAndState() {
            UUID jx = UUID.randomUUID(), nm = UUID.randomUUID();
            store.enqueue(row(1, jx, "CN-JX"));
            store.enqueue(row(2, nm, "CN-NM"));
            store.settle(2, State.SIGNALLED, "no licence", AT);
            assertThat(store.list("CN", null, null, 10))
                    .extracting(ExportRow::eventSeq)
                    .containsExactly(2L, 1L);
            assertThat(store.list("CN-JX", null, null, 10))
                    .extracting(ExportRow::eventSeq)
                    .containsExactly(1L);
            assertThat(store.list(null, nm, null, 10))
                    .extracting(ExportRow::eventSeq)
                    .containsExactly(2L);
            assertThat(store.list(null, null, State.PENDING, 10))
                    .extracting(ExportRow::eventSeq)
                    .containsExactly(1L);
            assertThat(store.list("CN", null, null, 1)).hasSize(1);
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
