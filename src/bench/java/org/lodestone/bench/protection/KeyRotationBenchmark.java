package org.lodestone.bench.protection;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lodestone.bench.BenchDatabases;
import org.lodestone.protection.KeyRotation;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.protection.Scope;
import org.lodestone.support.TestDatabases;

/**
 * Figure for #6: time to rotate the key-encryption key with {@code N} applications' data keys (default 100,000): a
 * new KEK in the local keystore, every data key unwrapped and re-wrapped in batches of 500 committed transactions, the
 * way {@code POST /api/v1/protection/keys/rotation} runs it. Preparation (not timed): N data keys inserted with JDBC
 * batches, plus 100 applications that seal a value through the normal path; after the rotation those 100 values are
 * opened again with a fresh process state (the keystore reloaded from disk) to show content was not touched. Prints
 * wall and process CPU time.
 *
 * <p>{@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.protection.KeyRotationBenchmark
 * -Dbench.args="100000 h2"} (or {@code pg}: a fresh database on the server of {@code LODESTONE_TEST_POSTGRES_URL}).
 */
public final class KeyRotationBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String db = args.length > 1 ? args[1] : "h2";
        Path dir = Files.createTempDirectory("lodestone-rotation-bench");
        String pgName = "lodestone_rotation_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String pgBase =
                System.getenv().getOrDefault("LODESTONE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        // A connection pool, as in the application: an H2 file database closes (and compacts) when its last
        // connection closes, which a connection per statement would do thousands of times.
        var ds = new HikariDataSource();
        if (db.equals("pg")) {
            ds.setJdbcUrl(BenchDatabases.create(pgBase, pgName));
            ds.setUsername(TestDatabases.postgresUser());
            ds.setPassword(TestDatabases.postgresPassword());
        } else {
            // the demo mode's settings (application.yml): every commit handed to the OS at once
            ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + TestDatabases.H2_OPTIONS + ";WRITE_DELAY=0");
            ds.setUsername("sa");
            ds.setPassword("");
        }
        TestDatabases.migrate(ds);
        try (ds) {
            var setup = ProtectionFixtures.setup(ds, dir.resolve("keys"));
            List<Scope> sample = new ArrayList<>();
            List<String> sealed = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Scope s = Scope.application(UUID.randomUUID());
                sample.add(s);
                sealed.add(setup.protection().seal(s, "consignee " + i, "la_party.name_latin"));
            }
            long p0 = System.nanoTime();
            ProtectionFixtures.insertDataKeys(ds, setup, n - sample.size());
            System.out.printf(
                    Locale.ROOT, "%s: %d data keys prepared in %.1f s%n", db, n, (System.nanoTime() - p0) / 1e9);

            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            KeyRotation.Run run = setup.rotation().rotateNow();
            long wall = System.nanoTime() - t0;
            long cpu = os.getProcessCpuTime() - cpu0;
            System.out.printf(
                    Locale.ROOT,
                    "rotation to %s: %s, %d of %d data keys re-wrapped in %.2f s wall, %.2f s process CPU (%.0f keys/s)%n",
                    run.targetKek(),
                    run.status(),
                    run.rewrapped(),
                    run.total(),
                    wall / 1e9,
                    cpu / 1e9,
                    run.rewrapped() / (wall / 1e9));

            var reopened = ProtectionFixtures.setup(ds, dir.resolve("keys")).protection();
            for (int i = 0; i < sample.size(); i++) {
                String value = reopened.open(sample.get(i), sealed.get(i), "la_party.name_latin");
                if (!("consignee " + i).equals(value)) {
                    throw new IllegalStateException("sample " + i + " did not open after the rotation");
                }
            }
            System.out.println("100 values sealed before the rotation open after it (keystore reloaded from disk)");
        } finally {
            if (db.equals("pg")) {
                BenchDatabases.drop(pgBase, pgName);
            }
        }
    }
}
