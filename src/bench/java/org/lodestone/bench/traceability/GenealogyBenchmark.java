package org.lodestone.bench.traceability;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.genealogy.Genealogy;
import org.lodestone.traceability.genealogy.GenealogyProjection;
import org.lodestone.traceability.genealogy.Trace;
import org.lodestone.traceability.genealogy.store.GenealogyStore;
import org.lodestone.traceability.signals.NewSignal;
import org.lodestone.traceability.signals.Signal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backward-trace latency at scale (#5): fills the genealogy tables from {@link ChainGenerator} events through the
 * projection itself (documents of 1,000 events, one transaction each, as a capture would), then traces random magnet
 * lots back to their mines as the Ministry's enforcement sees them and reports p50/p99, on H2 (in memory, PostgreSQL
 * mode) and on PostgreSQL (a fresh database beside {@code LODESTONE_TEST_POSTGRES_URL}, dropped after).
 *
 * <pre>
 * ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.traceability.GenealogyBenchmark \
 *     -Dbench.args="1000000" -Dbench.jvmArgs=-Xmx6g
 * </pre>
 *
 * Arguments: number of events (default 1,000,000), then {@code h2}, {@code postgres} or {@code both} (default).
 */
public final class GenealogyBenchmark {

    static final long SEED = 42;
    static final int PER_DOCUMENT = 1000;
    static final int WARMUP = 300;
    static final int TRACES = 2000;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        String which = args.length > 1 ? args[1].toLowerCase(Locale.ROOT) : "both";
        System.out.printf("Genealogy benchmark: %,d events, documents of %,d%n", events, PER_DOCUMENT);
        if (which.equals("h2") || which.equals("both")) {
            var ds = new DriverManagerDataSource(
                    "jdbc:h2:mem:genealogy" + TestDatabases.H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
            TestDatabases.migrate(ds);
            run("H2", ds, events, false);
        }
        if (which.equals("postgres") || which.equals("both")) {
            String base = Optional.ofNullable(System.getenv("LODESTONE_TEST_POSTGRES_URL"))
                    .orElse("jdbc:postgresql://127.0.0.1:5432/test");
            String name = "bench_genealogy_" + System.currentTimeMillis();
            String url = BenchDatabases.create(base, name);
            try {
                var ds = new DriverManagerDataSource(
                        url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
                TestDatabases.migrate(ds);
                run("PostgreSQL", ds, events, true);
            } finally {
                BenchDatabases.drop(base, name);
            }
        }
    }

    static void run(String database, DataSource pool, int events, boolean postgres) throws Exception {
        var ds = new SingleConnectionDataSource(pool.getConnection(), true);
        var jdbc = new JdbcTemplate(ds);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(ds));
        var store = new GenealogyStore(jdbc);
        AtomicInteger signalCount = new AtomicInteger();
        var projection = new GenealogyProjection(store, new CountingSignals(signalCount), new NoIdentity(), 2000);
        var generator = new ChainGenerator(SEED);
        OrganisationId reporter = new OrganisationId(UUID.nameUUIDFromBytes("bench-reporter".getBytes()));
        AtomicLong seq = new AtomicLong();
        AtomicLong links = new AtomicLong();
        long start = System.nanoTime();
        AtomicLong lastReport = new AtomicLong(start);
        generator.batches(events, PER_DOCUMENT).forEach(doc -> {
            List<EventsCaptured.Stored> stored = new ArrayList<>(doc.events().size());
            for (EpcisEvent e : doc.events()) {
                stored.add(new EventsCaptured.Stored(seq.incrementAndGet(), e));
            }
            transactions.executeWithoutResult(tx -> links.addAndGet(
                    projection.project(reporter, "CN-JX", stored).links()));
            long now = System.nanoTime();
            if (now - lastReport.get() > 30_000_000_000L) {
                lastReport.set(now);
                System.out.printf(
                        "  %s: %,d events projected (%,.0f events/s)%n",
                        database, seq.get(), seq.get() / ((now - start) / 1e9));
            }
        });
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        if (postgres) {
            jdbc.execute("ANALYZE");
        }
        long nodes = jdbc.queryForObject("SELECT COUNT(*) FROM tr_gen_node", Long.class);
        System.out.printf(
                "%s: projected %,d events in %.1f s (%,.0f events/s): %,d nodes, %,d links, %d signals%n",
                database, events, fillSeconds, events / fillSeconds, nodes, links.get(), signalCount.get());

        var genealogy = new Genealogy(store, new NoIdentity(), new NoAudit(), transactions, 2000);
        var enforcement = new GenealogyStore.Scope("CN", null);
        List<String> magnets = generator.magnetLots();
        Random random = new Random(SEED);
        for (int i = 0; i < WARMUP; i++) {
            genealogy.trace(magnets.get(random.nextInt(magnets.size())), Trace.Direction.BACKWARD, 64, enforcement);
        }
        long[] micros = new long[TRACES];
        long traceNodes = 0;
        int mines = 0;
        for (int i = 0; i < TRACES; i++) {
            String lot = magnets.get(random.nextInt(magnets.size()));
            long t0 = System.nanoTime();
            Trace trace = genealogy.trace(lot, Trace.Direction.BACKWARD, 64, enforcement);
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (trace == null) {
                throw new IllegalStateException("no trace for " + lot);
            }
            traceNodes += trace.nodes().size();
            if (trace.nodes().stream().anyMatch(n -> "ORE_CONCENTRATE".equals(n.productType()))) {
                mines++;
            }
        }
        Arrays.sort(micros);
        System.out.printf(
                "%s: backward trace of a magnet lot at %,d events: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                        + "(%d traces over %,d magnet lots, %.1f nodes on average, %d reached a mine)%n",
                database,
                events,
                micros[TRACES / 2] / 1000.0,
                micros[(int) (TRACES * 0.99)] / 1000.0,
                micros[TRACES - 1] / 1000.0,
                TRACES,
                magnets.size(),
                traceNodes / (double) TRACES,
                mines);
        try (Connection c = ds.getConnection()) {
            ds.destroy();
        } catch (Exception ignored) {
            // closed already
        }
    }

    private static final class CountingSignals implements Signals {
        private final AtomicInteger count;

        CountingSignals(AtomicInteger count) {
            this.count = count;
        }

        @Override
        public Signal raise(NewSignal signal) {
            count.incrementAndGet();
            return new Signal(
                    UUID.randomUUID(),
                    signal.kind(),
                    signal.key(),
                    signal.enterprise(),
                    signal.region(),
                    signal.subject(),
                    signal.summary(),
                    signal.evidence(),
                    java.time.Instant.now(),
                    java.time.Instant.now(),
                    Signal.State.OPEN,
                    0);
        }

        @Override
        public Optional<Signal> find(UUID id) {
            return Optional.empty();
        }

        @Override
        public List<Signal> list(
                @Nullable SignalKind kind, Signal.@Nullable State state, @Nullable String regionPrefix, int limit) {
            return List.of();
        }

        @Override
        public java.util.Map<SignalKind, Long> counts(Signal.@Nullable State state, @Nullable String regionPrefix) {
            return java.util.Map.of();
        }

        @Override
        public boolean decide(UUID id, Signal.State state, String reason, long expectedVersion, String decidedBy) {
            return false;
        }

        @Override
        public List<Decision> decisions(UUID id) {
            return List.of();
        }
    }

    private static final class NoIdentity implements Identity {
        @Override
        public Optional<CurrentUser> currentUser() {
            return Optional.empty();
        }

        @Override
        public Optional<OrganisationProfile> organisation(OrganisationId id) {
            return Optional.empty();
        }

        @Override
        public List<OrganisationProfile> organisations(OrganisationKind kind) {
            return List.of();
        }

        @Override
        public List<UserContact> members(OrganisationId organisation, Role role) {
            return List.of();
        }
    }

    private static final class NoAudit implements AuditTrail {
        @Override
        public AuditEntry record(AuditRecord record) {
            throw new UnsupportedOperationException("the benchmark traces without auditing");
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.of();
        }
    }
}
