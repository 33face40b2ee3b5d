package org.lodestone.bench.traceability;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.identity.OrganisationId;
import org.lodestone.support.TestDatabases;
import org.lodestone.traceability.massbalance.Balance;
import org.lodestone.traceability.massbalance.MassBalance;
import org.lodestone.traceability.massbalance.MassBalanceProperties;
import org.lodestone.traceability.massbalance.store.MovementStore;
import org.lodestone.traceability.massbalance.store.MovementStore.Movement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Mass balance for one enterprise-year: seeds (seed 42) {@code enterprises} enterprises × {@code rows} movements each
 * (default 20 × 50,000 = 1,000,000 rows) over 5 sites and 500 lots of 3 elements per enterprise, with monthly stock
 * declarations, into a fresh H2 file database and a fresh PostgreSQL database, then times
 * {@link MassBalance#compute} for one enterprise and the whole year (all sites, all elements): p50/p99 over repeated
 * runs after a warm-up. Args: rows per enterprise, enterprises, then {@code h2}, {@code pg} or {@code both}.
 *
 * <p>{@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.traceability.MassBalanceBenchmark}
 */
public final class MassBalanceBenchmark {

    static final int SITES = 5;
    static final int LOTS = 500;
    static final int STOCKED_LOTS = 20;
    static final int YEAR = 2026;
    static final String[] KINDS = {"RECEIVED", "CONSUMED", "PRODUCED", "SHIPPED", "LOSS"};
    static final int[] WEIGHTS = {35, 25, 20, 18, 2};

    public static void main(String[] args) throws Exception {
        // The bench profile passes JMH's default pattern (".*") when no -Dbench.args is given.
        if (args.length > 0 && !args[0].matches("[0-9]+")) {
            args = new String[0];
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int enterprises = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String which = args.length > 2 ? args[2] : "both";
        if (!which.equals("pg")) {
            Path dir = Files.createTempDirectory("massbalance-bench");
            try {
                var ds = new DriverManagerDataSource(
                        "jdbc:h2:file:" + dir.resolve("bench") + TestDatabases.H2_OPTIONS, "sa", "");
                TestDatabases.migrate(ds);
                run("H2 (file)", new SingleConnectionDataSource(ds.getConnection(), true), rows, enterprises);
            } finally {
                org.springframework.util.FileSystemUtils.deleteRecursively(dir);
            }
        }
        if (!which.equals("h2")) {
            String base = "jdbc:postgresql://127.0.0.1:5432/test";
            String name = "massbalance_bench_" + System.currentTimeMillis();
            String url = BenchDatabases.create(base, name);
            try {
                var ds = new DriverManagerDataSource(
                        url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
                TestDatabases.migrate(ds);
                run("PostgreSQL", new SingleConnectionDataSource(ds.getConnection(), true), rows, enterprises);
            } finally {
                BenchDatabases.drop(base, name);
            }
        }
    }

    static void run(String label, DataSource ds, int rows, int enterprises) {
        JdbcTemplate template = new JdbcTemplate(ds);
        MovementStore store = new MovementStore(JdbcClient.create(ds), template);
        Random random = new Random(42);
        List<OrganisationId> ids = new ArrayList<>();
        long seedStart = System.nanoTime();
        for (int e = 0; e < enterprises; e++) {
            OrganisationId id = new OrganisationId(new UUID(42, e));
            ids.add(id);
            seedLots(template, e, random);
            store.record(movements(id, e, rows, random));
        }
        template.execute(label.startsWith("Postgre") ? "ANALYZE" : "ANALYZE");
        long seeded = template.queryForObject("SELECT COUNT(*) FROM tr_movement", Long.class);
        System.out.printf(
                "%s: seeded %,d movement rows (%,d per enterprise) in %.1f s%n",
                label, seeded, rows, (System.nanoTime() - seedStart) / 1e9);

        MassBalance balance =
                new MassBalance(store, new MassBalanceProperties(new BigDecimal("0.02"), BigDecimal.ONE, null));
        OrganisationId target = ids.get(ids.size() / 2);
        LocalDate from = LocalDate.of(YEAR, 1, 1);
        LocalDate to = LocalDate.of(YEAR, 12, 31);
        List<Balance> result = List.of();
        for (int i = 0; i < 5; i++) {
            result = balance.compute(target, null, null, from, to, false);
        }
        int runs = 50;
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = balance.compute(target, null, null, from, to, false);
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        long t = System.nanoTime();
        List<Balance> withEvents = balance.compute(target, null, null, from, to, true);
        long eventsMs = (System.nanoTime() - t) / 1_000_000;
        System.out.printf(
                "%s: mass balance of one enterprise-year (%d sites x %d elements = %d balances): p50 %.1f ms, p99 %.1f ms"
                        + " over %d runs; with event ids behind each figure: %d ms (%d balances)%n",
                label,
                SITES,
                3,
                result.size(),
                times[runs / 2] / 1e6,
                times[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
                runs,
                eventsMs,
                withEvents.size());
    }

    static String lot(int enterprise, int lot) {
        return "urn:epc:class:lgtin:69%05d.012345.L%d".formatted(enterprise, lot);
    }

    static String site(int enterprise, int site) {
        return "urn:epc:id:sgln:69%05d.%05d.0".formatted(enterprise, site);
    }

    static void seedLots(JdbcTemplate template, int enterprise, Random random) {
        List<Object[]> lots = new ArrayList<>();
        List<Object[]> elements = new ArrayList<>();
        for (int l = 0; l < LOTS; l++) {
            String id = lot(enterprise, l);
            lots.add(new Object[] {UUID.randomUUID(), id, "ALLOY", OffsetDateTime.now(ZoneOffset.UTC)});
            elements.add(new Object[] {id, "Nd", new BigDecimal("0.2" + random.nextInt(10))});
            elements.add(new Object[] {id, "Pr", new BigDecimal("0.0" + (5 + random.nextInt(4)))});
            elements.add(new Object[] {id, "Dy", new BigDecimal("0.0" + (1 + random.nextInt(5)))});
        }
        template.batchUpdate(
                "INSERT INTO tr_lot (id, identifier, product_type, owner_id, source, event_id, version, created_at)"
                        + " VALUES (?, ?, ?, NULL, 'REGISTRY', NULL, 0, ?)",
                lots);
        template.batchUpdate(
                "INSERT INTO tr_lot_element (lot_identifier, element, fraction) VALUES (?, ?, ?)", elements);
    }

    static List<Movement> movements(OrganisationId id, int enterprise, int rows, Random random) {
        List<Movement> out = new ArrayList<>(rows);
        Instant start = LocalDate.of(YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long seq = (long) enterprise * rows;
        // Stock declarations: the opening count on 31 December and one at the end of every month.
        for (int month = 0; month <= 12; month++) {
            Instant at = month == 0
                    ? start.minusSeconds(3600)
                    : LocalDate.of(YEAR, month, 1)
                            .plusMonths(1)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .minusSeconds(3600);
            for (int s = 0; s < SITES; s++) {
                String event = "urn:uuid:" + new UUID(enterprise, seq++);
                for (int l = 0; l < STOCKED_LOTS; l++) {
                    out.add(new Movement(
                            seq,
                            event,
                            at,
                            id,
                            site(enterprise, s),
                            "STOCK",
                            lot(enterprise, l * 7 % LOTS),
                            BigDecimal.valueOf(100 + random.nextInt(900))));
                }
            }
        }
        while (out.size() < rows) {
            int pick = random.nextInt(100);
            int k = 0;
            for (int acc = WEIGHTS[0]; pick >= acc; acc += WEIGHTS[++k]) {}
            Instant at = start.plusSeconds(random.nextInt(365 * 86_400));
            out.add(new Movement(
                    seq,
                    "urn:uuid:" + new UUID(enterprise, seq++),
                    at,
                    id,
                    site(enterprise, random.nextInt(SITES)),
                    KINDS[k],
                    lot(enterprise, random.nextInt(LOTS)),
                    BigDecimal.valueOf(10 + random.nextInt(990))));
        }
        return out;
    }
}
