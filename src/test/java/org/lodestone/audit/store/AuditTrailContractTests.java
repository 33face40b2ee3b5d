package org.lodestone.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.ChainVerification;
import org.lodestone.shared.RequestIds;
import org.lodestone.support.TestDatabases;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail's contract on every supported database (#2): appends chain up, verification finds the first row altered,
 * re-hashed or deleted with plain SQL, concurrent writers never fork the chain, and queries filter by object, actor
 * and time.
 */
class AuditTrailContractTests {

    static final Instant START = Instant.parse("2026-03-01T09:00:00.123456789Z");
    static final AuditActor CLERK = new AuditActor("clerk", "org-1");

    /** The contract itself; each nested class runs it on one database (JUnit cannot run tests of an abstract outer class). */
    abstract static class Contract {

        DataSource dataSource;
        JdbcClient sql;
        DataSourceTransactionManager transactions;
        TickingClock clock;
        ChainedAuditTrail trail;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            dataSource = freshDatabase();
            sql = JdbcClient.create(dataSource);
            transactions = new DataSourceTransactionManager(dataSource);
            clock = new TickingClock(START, Duration.ofSeconds(1));
            trail = new ChainedAuditTrail(sql, transactions, () -> CLERK, clock);
        }

        @AfterEach
        void clearMdc() {
            MDC.remove(RequestIds.MDC_KEY);
        }

        @Test
        void recordedEntriesFormAnIntactChain() {
            MDC.put(RequestIds.MDC_KEY, "req-42");
            List<AuditEntry> entries = recordMany(10);

            assertThat(trail.verify()).isEqualTo(ChainVerification.intact(10));
            assertThat(entries)
                    .extracting(AuditEntry::sequence)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(entries.getFirst().previousHash()).isEqualTo(HashChain.GENESIS);
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).previousHash())
                        .isEqualTo(entries.get(i - 1).hash());
            }
            AuditEntry first = entries.getFirst();
            assertThat(first.actor()).isEqualTo("clerk");
            assertThat(first.organisationId()).isEqualTo("org-1");
            assertThat(first.requestId()).isEqualTo("req-42");
            assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123456Z"));
            // what was returned is what is stored, to the microsecond
            assertThat(trail.find(query(null, null, null, null, null))).containsAll(entries);
        }

        @Test
        void emptyTrailIsIntact() {
            assertThat(trail.verify()).isEqualTo(ChainVerification.intact(0));
        }

        @Test
        void explicitActorWinsOverTheContext() {
            AuditEntry entry = trail.record(
                    AuditRecord.success("LOGIN_FAILED", "USER", "mallory").by(AuditActor.ANONYMOUS));

            assertThat(entry.actor()).isEqualTo("anonymous");
            assertThat(entry.organisationId()).isNull();
        }

        @Test
        void detailChangedWithPlainSqlIsReportedAtThatRow() {
            recordMany(10);

            sql.sql("UPDATE audit_entry SET detail = 'nothing to see' WHERE sequence = 4")
                    .update();

            ChainVerification result = trail.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSequence()).isEqualTo(4L);
            assertThat(result.reason()).isEqualTo("hash mismatch: content altered");
            assertThat(result.rowsChecked()).isEqualTo(4);
        }

        /** The stored hash no longer matches the row's own content, so the row itself is reported, not its successor. */
        @Test
        void hashChangedWithPlainSqlIsReportedAtThatRow() {
            recordMany(10);

            sql.sql("UPDATE audit_entry SET hash = :h WHERE sequence = 6")
                    .param("h", "ab".repeat(32))
                    .update();

            ChainVerification result = trail.verify();
            assertThat(result.firstBrokenSequence()).isEqualTo(6L);
            assertThat(result.reason()).isEqualTo("hash mismatch: content altered");
        }

        /**
         * An attacker who alters a row and recomputes its hash makes that row self-consistent; the next row's link then
         * breaks, so the successor is reported.
         */
        @Test
        void rowAlteredAndRehashedIsReportedAtTheNextRow() {
            recordMany(10);
            StoredRow original = row(6);
            var forged = new StoredRow(
                    original.sequence(),
                    original.occurredAt(),
                    "someone-else",
                    original.organisationId(),
                    original.action(),
                    original.objectType(),
                    original.objectId(),
                    original.outcome(),
                    original.detail(),
                    original.requestId(),
                    original.previousHash(),
                    "");

            sql.sql("UPDATE audit_entry SET actor = :actor, hash = :hash WHERE sequence = 6")
                    .param("actor", forged.actor())
                    .param("hash", HashChain.hash(forged))
                    .update();

            ChainVerification result = trail.verify();
            assertThat(result.firstBrokenSequence()).isEqualTo(7L);
            assertThat(result.reason()).startsWith("link to previous row broken");
        }

        @Test
        void deletedMiddleRowIsReportedAsMissing() {
            recordMany(10);

            sql.sql("DELETE FROM audit_entry WHERE sequence = 5").update();

            ChainVerification result = trail.verify();
            assertThat(result.firstBrokenSequence()).isEqualTo(5L);
            assertThat(result.reason()).isEqualTo("row 5 missing");
        }

        @Test
        void rowsCutOffAtTheTailAreReportedThroughTheHead() {
            recordMany(10);

            sql.sql("DELETE FROM audit_entry WHERE sequence >= 9").update();

            ChainVerification result = trail.verify();
            assertThat(result.firstBrokenSequence()).isEqualTo(9L);
            assertThat(result.reason()).startsWith("rows 9 to 10 missing at the tail");
        }

        @Test
        void firstOfSeveralBreaksIsReported() {
            recordMany(10);

            sql.sql("UPDATE audit_entry SET object_id = 'x' WHERE sequence IN (3, 8)")
                    .update();

            assertThat(trail.verify().firstBrokenSequence()).isEqualTo(3L);
        }

        @Test
        void recordRollsBackWithTheCallersTransaction() {
            recordMany(2);
            var tx = new TransactionTemplate(transactions);

            tx.executeWithoutResult(status -> {
                trail.record(AuditRecord.success("LICENCE_ISSUED", "LICENCE", "L-1"));
                status.setRollbackOnly();
            });
            AuditEntry next = trail.record(AuditRecord.success("LICENCE_ISSUED", "LICENCE", "L-2"));

            assertThat(next.sequence()).isEqualTo(3L);
            assertThat(trail.find(query("LICENCE", "L-1", null, null, null))).isEmpty();
            assertThat(trail.verify()).isEqualTo(ChainVerification.intact(3));
        }

        @Test
        void overlongAndUnusualTextIsStoredExactlyAsHashed() {
            String detail = "x".repeat(3998) + "😀" + "tail beyond the column";
            AuditEntry entry = trail.record(
                    AuditRecord.success("NOTE", "CASE", "c\u0000-1\uD800").withDetail(detail));

            assertThat(entry.detail())
                    .hasSize(ChainedAuditTrail.DETAIL_LENGTH - 1)
                    .endsWith("x…");
            assertThat(entry.objectId()).isEqualTo("c\uFFFD-1\uFFFD");
            assertThat(trail.find(query("CASE", null, null, null, null))).containsExactly(entry);
            assertThat(trail.verify().intact()).isTrue();
        }

        @Test
        void concurrentWritersNeverForkTheChain() throws Exception {
            int perThread = 200;
            ExecutorService pool = Executors.newFixedThreadPool(3);
            var start = new CountDownLatch(1);
            var writing = new AtomicBoolean(true);
            var verificationsDuringWrites = new ConcurrentLinkedQueue<ChainVerification>();
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    String actor = "writer-" + t;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            trail.record(AuditRecord.success("WRITE", "THING", actor + "-" + i)
                                    .by(new AuditActor(actor, null)));
                        }
                        return null;
                    }));
                }
                Future<?> verifier = pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        verificationsDuringWrites.add(trail.verify());
                    }
                    return null;
                });
                start.countDown();
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                writing.set(false);
                verifier.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            assertThat(trail.verify()).isEqualTo(ChainVerification.intact(2L * perThread));
            List<Long> sequences = sql.sql("SELECT sequence FROM audit_entry ORDER BY sequence")
                    .query(Long.class)
                    .list();
            assertThat(sequences).hasSize(2 * perThread);
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i + 1L);
            }
            assertThat(trail.find(query(null, null, "writer-0", null, null))).hasSize(perThread);
            // a verification running while others append sees one consistent snapshot, never a false break
            assertThat(verificationsDuringWrites)
                    .allSatisfy(v -> assertThat(v.intact()).isTrue());
        }

        @Test
        void findFiltersByObjectActorAndTimeRangeNewestFirst() {
            AuditEntry a1 = trail.record(
                    AuditRecord.success("CREATED", "APPLICATION", "A-1").by(new AuditActor("alice", null)));
            AuditEntry b1 = trail.record(
                    AuditRecord.success("CREATED", "APPLICATION", "B-1").by(new AuditActor("bob", null)));
            AuditEntry a2 = trail.record(
                    AuditRecord.success("SUBMITTED", "APPLICATION", "A-1").by(new AuditActor("bob", null)));
            AuditEntry l1 =
                    trail.record(AuditRecord.success("ISSUED", "LICENCE", "A-1").by(new AuditActor("alice", null)));

            assertThat(trail.find(query("APPLICATION", "A-1", null, null, null)))
                    .containsExactly(a2, a1);
            assertThat(trail.find(query("APPLICATION", null, null, null, null))).containsExactly(a2, b1, a1);
            assertThat(trail.find(query(null, null, "alice", null, null))).containsExactly(l1, a1);
            assertThat(trail.find(query(null, null, "bob", null, null))).containsExactly(a2, b1);
            // [from, to): from is inclusive, to exclusive
            assertThat(trail.find(query(null, null, null, b1.occurredAt(), l1.occurredAt())))
                    .containsExactly(a2, b1);
            assertThat(trail.find(query(null, null, null, l1.occurredAt(), null)))
                    .containsExactly(l1);
            assertThat(trail.find(query(null, null, null, null, a1.occurredAt())))
                    .isEmpty();
            assertThat(trail.find(
                            query("APPLICATION", null, "bob", b1.occurredAt().plusNanos(1000), null)))
                    .containsExactly(a2);
            assertThat(trail.find(new AuditQuery(null, null, null, null, null, 2)))
                    .containsExactly(l1, a2);
        }

        List<AuditEntry> recordMany(int n) {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                entries.add(trail.record(AuditRecord.success("DETERMINED", "DETERMINATION", "D-" + i)
                        .withDetail("determination " + i)));
            }
            return entries;
        }

        StoredRow row(long sequence) {
            return sql.sql("SELECT " + StoredRow.COLUMNS + " FROM audit_entry WHERE sequence = :s")
                    .param("s", sequence)
                    .query((rs, n) -> StoredRow.read(rs))
                    .single();
        }
    }

    static AuditQuery query(String objectType, String objectId, String actor, Instant from, Instant to) {
        return new AuditQuery(objectType, objectId, actor, from, to, AuditQuery.MAX_LIMIT);
    }

    /** A clock that moves forward by a fixed step on every reading, with nanoseconds the database must drop. */
    static final class TickingClock extends Clock {

        private final AtomicReference<Instant> now;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.now = new AtomicReference<>(start);
            this.step = step;
        }

        @Override
        public Instant instant() {
            return now.getAndUpdate(i -> i.plus(step));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
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
