package org.lodestone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.audit.store.TestTrails;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code audit-verify} on a real H2 file database, as an operator runs it (#2): exit 0 when intact, 1 with the broken
 * row named after plain-SQL tampering, 2 when it cannot verify.
 */
class AuditVerifyCommandTests {

    @TempDir
    Path dir;

    String url;
    DriverManagerDataSource dataSource;

    @BeforeEach
    void createDatabase() {
        url = "jdbc:h2:file:" + dir.resolve("lodestone").toAbsolutePath() + TestDatabases.H2_OPTIONS;
        dataSource = new DriverManagerDataSource(url, "sa", "");
    }

    @Test
    void intactChainExitsZero() {
        TestDatabases.migrate(dataSource);
        AuditTrail trail = TestTrails.over(dataSource);
        for (int i = 1; i <= 5; i++) {
            trail.record(AuditRecord.success("DETERMINED", "DETERMINATION", "D-" + i));
        }

        Run run = verify();

        assertThat(run.status()).isEqualTo(AuditVerifyCommand.INTACT);
        assertThat(run.output()).isEqualTo("audit chain intact: 5 rows verified");
    }

    @Test
    void tamperedRowExitsOneAndIsNamed() {
        TestDatabases.migrate(dataSource);
        AuditTrail trail = TestTrails.over(dataSource);
        for (int i = 1; i <= 5; i++) {
            trail.record(AuditRecord.success("DETERMINED", "DETERMINATION", "D-" + i));
        }
        JdbcClient.create(dataSource)
                .sql("UPDATE audit_entry SET outcome = 'DENIED' WHERE sequence = 3")
                .update();

        Run run = verify();

        assertThat(run.status()).isEqualTo(AuditVerifyCommand.BROKEN);
        assertThat(run.output())
                .isEqualTo("audit chain BROKEN at row 3: hash mismatch: content altered (3 rows checked)");
    }

    @Test
    void databaseWithoutTheTrailExitsTwo() {
        Run run = verify(); // an empty database: never migrated, nothing to verify against

        assertThat(run.status()).isEqualTo(AuditVerifyCommand.ERROR);
        assertThat(run.output())
                .startsWith("audit-verify failed: ")
                .containsIgnoringCase("audit_chain_head")
                .doesNotContain("\n");
    }

    Run verify() {
        var bytes = new ByteArrayOutputStream();
        int status;
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = AuditVerifyCommand.run(out, "--spring.datasource.url=" + url, "--lodestone.data-dir=" + dir);
        }
        return new Run(status, bytes.toString(StandardCharsets.UTF_8).strip());
    }

    record Run(int status, String output) {}
}
