package org.lodestone.bench.screening;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.screening.lists.ListReleases;
import org.lodestone.screening.lists.Release;
import org.lodestone.screening.lists.store.ListStore;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a generated (seeded) lodestone-csv file of N entities (default 1,000,000) into a fresh H2 file database and
 * a fresh PostgreSQL database, and reports entities/s and the peak heap used, to show the import streams. Run with a
 * small heap:
 *
 * <pre>
 * ./mvnw -q -B -Pbench test-compile exec:exec \
 *     -Dbench.main="-Xmx256m org.lodestone.bench.screening.ListImportBenchmark" -Dbench.args="1000000"
 * </pre>
 *
 * Args: entity count, then optionally {@code h2}, {@code pg} or {@code both} (default both).
 */
public final class ListImportBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        Path dir = Files.createTempDirectory("list-bench");
        Path file = dir.resolve("list.csv");
        generate(file, n, 42);
        System.out.printf(
                "generated %,d entities, %,d bytes; max heap %,d MB%n",
                n, Files.size(file), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            runAll(which, dir, file);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }

    static void runAll(String which, Path dir, Path file) throws Exception {
        if (!which.equals("pg")) {
            var ds = new DriverManagerDataSource(
                    "jdbc:h2:file:" + dir.resolve("bench") + TestDatabases.H2_OPTIONS, "sa", "");
            TestDatabases.migrate(ds);
            run("H2 (file)", new SingleConnectionDataSource(ds.getConnection(), true), file);
        }
        if (!which.equals("h2")) {
            String base = "jdbc:postgresql://127.0.0.1:5432/test";
            String name = "list_bench_" + System.currentTimeMillis();
            String url = BenchDatabases.create(base, name);
            try {
                var ds = new DriverManagerDataSource(
                        url, TestDatabases.postgresUser(), TestDatabases.postgresPassword());
                TestDatabases.migrate(ds);
                run("PostgreSQL", new SingleConnectionDataSource(ds.getConnection(), true), file);
            } finally {
                BenchDatabases.drop(base, name);
            }
        }
    }

    static void run(String label, DataSource ds, Path file) throws Exception {
        System.gc();
        resetPeaks();
        var store = new ListStore(ds);
        var releases = new ListReleases(
                store,
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new NoAudit(),
                event -> {},
                Clock.systemUTC(),
                10,
                Long.MAX_VALUE);
        long start = System.nanoTime();
        Release r;
        try (InputStream in = Files.newInputStream(file)) {
            r = releases.importRelease(
                    new ListReleases.Upload("bench", "lodestone-csv", "list.csv", null, null, null), in, "bench");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%s: %s, %,d imported, %,d rejected in %.1f s = %,.0f entities/s; peak heap used %,d MB%n",
                label,
                r.state(),
                r.imported(),
                r.rejected(),
                seconds,
                r.imported() / seconds,
                peakHeap() / (1024 * 1024));
    }

    static void generate(Path file, int n, long seed) throws Exception {
        Random random = new Random(seed);
        String[] schemas = {"Company", "Person", "Organization", "Vessel", "LegalEntity"};
        String[] countries = {"CN", "RU", "HK", "AE", "KZ", "IR", "PA", "SG", "TR", "BY"};
        String[] words = {
            "Rare",
            "Earth",
            "Metals",
            "Trading",
            "Oxide",
            "Magnet",
            "Industrial",
            "Group",
            "Alloy",
            "Technology",
            "Resources",
            "Mining",
            "Holding",
            "Logistics",
            "Import",
            "Export"
        };
        String[] han = {"稀土", "金属", "贸易", "科技", "有限公司", "集团", "磁材", "资源"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,schema,name,name_local,aliases,countries,identifiers,list,programme,legal_basis,listed_on\n");
            for (int i = 0; i < n; i++) {
                StringBuilder name = new StringBuilder();
                for (int k = 0; k < 3; k++) {
                    name.append(words[random.nextInt(words.length)]).append(' ');
                }
                name.append(i);
                String local = han[random.nextInt(han.length)] + han[random.nextInt(han.length)] + i;
                w.write("B-" + i + "," + schemas[random.nextInt(schemas.length)] + "," + name + "," + local
                        + ",Alias " + i + ";別名" + i + "," + countries[random.nextInt(countries.length)]
                        + ",registrationNumber:REG" + (1_000_000_000L + random.nextInt(1_000_000_000))
                        + ",Bench List,Programme " + random.nextInt(20) + ",Art. " + random.nextInt(50)
                        + ",2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "\n");
            }
        }
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peak usage since the reset (an upper bound of the heap used at any one time). */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static final class NoAudit implements AuditTrail {
        @Override
        public AuditEntry record(AuditRecord record) {
            return null;
        }

        @Override
        public ChainVerification verify() {
            return ChainVerification.intact(0);
        }

        @Override
        public List<AuditEntry> find(AuditQuery query) {
            return List.of();
        }
    }
}
