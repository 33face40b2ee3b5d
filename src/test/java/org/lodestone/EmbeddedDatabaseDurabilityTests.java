package org.lodestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.support.DurabilityProbe;
import org.lodestone.support.TestDatabases;

/**
 * Product rule "an acknowledged write survives a kill -9", for the demo database: a child JVM commits rows into an H2
 * file with exactly the JDBC URL of {@code application.yml} and acknowledges each; we SIGKILL it mid-stream and every
 * acknowledged row must be there when the file is opened again. Fails if {@code WRITE_DELAY=0} is dropped from the URL.
 */
class EmbeddedDatabaseDurabilityTests {

    @Test
    void everyAcknowledgedCommitSurvivesKill9(@TempDir Path dir) throws Exception {
        String url = TestDatabases.demoFileUrl(dir);

        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityProbe.class.getName(),
                        url)
                .redirectErrorStream(true)
                .start();
        int acknowledged = 0;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Integer.parseInt(line.substring(4));
                    if (acknowledged >= 300) {
                        break;
                    }
                }
            }
            // destroyForcibly is SIGKILL on Linux: no shutdown hook, no H2 close.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("rows acknowledged before the kill").isGreaterThanOrEqualTo(300);

        try (var c = DriverManager.getConnection(url, "sa", "");
                var rs = c.createStatement().executeQuery("SELECT COUNT(*), MAX(n) FROM probe")) {
            rs.next();
            assertThat(rs.getInt(2)).as("highest surviving row").isGreaterThanOrEqualTo(acknowledged);
            assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2));
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("lodestone"));
    }
}
