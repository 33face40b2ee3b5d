package org.lodestone.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.support.IntegrationTest;
import org.lodestone.support.TestDatabases;

/**
 * #6 on H2 (the shared test context's in-memory database): besides every column, the database is written out as a
 * backup script and loaded into an H2 database file, forced to disk with {@code CHECKPOINT SYNC}, and the raw files
 * (script, MVStore) are searched byte by byte.
 */
@IntegrationTest
class ConfidentialityAtRestTests extends ConfidentialityAtRestContract {

    @TempDir
    Path dump;

    @Override
    void scanDatabaseFilesControl(String clearValue) throws Exception {
        dump(dump.resolve("control"));
        assertThat(filesContaining(dump.resolve("control"), List.of(clearValue)))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Override
    void scanDatabaseFiles(List<String> values) throws Exception {
        dump(dump.resolve("scan"));
        assertThat(filesContaining(dump.resolve("scan"), values))
                .as("raw database files holding a planted string")
                .isEmpty();
    }

    /** The database as a backup script, and as an H2 database file forced to disk. */
    private void dump(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path script = dir.resolve("backup.sql");
        jdbc.sql("SCRIPT TO '" + script + "'").query().listOfRows();
        assertThat(Files.size(script)).isGreaterThan(100_000);
        String url = "jdbc:h2:file:" + dir.resolve("copy") + TestDatabases.H2_OPTIONS;
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + script + "'");
            statement.execute("CHECKPOINT SYNC");
            try (var rs = statement.executeQuery("SELECT COUNT(*) FROM la_party")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
            statement.execute("SHUTDOWN");
        }
        assertThat(dir.resolve("copy.mv.db")).exists();
    }
}
