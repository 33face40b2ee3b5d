package org.lodestone.licensing.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.audit.AuditVerifyCommand;
import org.lodestone.support.TestDatabases;

/**
 * "kill -9 during a decision: nothing half-written afterwards" (#3). A child JVM runs Lodestone on the demo H2 file and
 * countersigns (approve + issue the licence) and refuses cases from two threads; we SIGKILL it right after the first
 * decisions are acknowledged, while others are in flight. Afterwards every case is whole: each acknowledged decision is
 * there; a case is APPROVED exactly when it has a countersignature and one licence, REFUSED exactly when it has a
 * refusal; the review case, the transition history and the application agree on the state; no licence exists without
 * its approval; and the audit chain verifies.
 */
class DecisionKillTests {

    @Test
    void killedMidDecisionLeavesEveryCaseWholeAndTheAuditChainIntact(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DecisionProbe.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, String> acknowledged = new HashMap<>();
        List<String> log = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.add(line);
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(parts[1], parts[2]);
                    if (acknowledged.size() >= 3) {
                        break; // others are being decided right now
                    }
                }
                if (line.startsWith("DONE") || line.startsWith("FAILED")) {
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(log).as(String.join("\n", log)).noneMatch(l -> l.startsWith("FAILED"));
        assertThat(acknowledged).as(String.join("\n", log)).hasSizeGreaterThanOrEqualTo(3);

        String url = TestDatabases.demoFileUrl(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Map<String, String> states = strings(
                    c,
                    "SELECT CAST(id AS VARCHAR), state FROM la_application"
                            + " WHERE state IN ('APPROVAL_PROPOSED','IN_REVIEW','APPROVED','REFUSED')");
            assertThat(states).hasSize(DecisionProbe.PROPOSALS + DecisionProbe.REFUSALS);
            acknowledged.forEach(
                    (id, state) -> assertThat(states.get(id)).as(id).isEqualTo(state));
            for (var e : states.entrySet()) {
                String id = e.getKey();
                String state = e.getValue();
                int licences = count(c, "SELECT COUNT(*) FROM lic_licence WHERE application_id = ?", id);
                int countersigned = count(
                        c, "SELECT COUNT(*) FROM rv_decision WHERE application_id = ? AND kind = 'COUNTERSIGNED'", id);
                int refused =
                        count(c, "SELECT COUNT(*) FROM rv_decision WHERE application_id = ? AND kind = 'REFUSED'", id);
                assertThat(licences).as("licences of " + state + " " + id).isEqualTo(state.equals("APPROVED") ? 1 : 0);
                assertThat(countersigned).as("countersignatures of " + id).isEqualTo(state.equals("APPROVED") ? 1 : 0);
                assertThat(refused).as("refusals of " + id).isEqualTo(state.equals("REFUSED") ? 1 : 0);
                assertThat(string(c, "SELECT state FROM rv_case WHERE application_id = ?", id))
                        .as("review case of " + id)
                        .isEqualTo(state);
                assertThat(string(
                                c,
                                "SELECT to_state FROM la_transition WHERE application_id = ? ORDER BY id DESC"
                                        + " FETCH FIRST 1 ROWS ONLY",
                                id))
                        .as("last transition of " + id)
                        .isEqualTo(state);
                boolean open = !state.equals("APPROVED") && !state.equals("REFUSED");
                assertThat(string(c, "SELECT CAST(is_open AS VARCHAR) FROM rv_case WHERE application_id = ?", id))
                        .isEqualToIgnoringCase(String.valueOf(open));
            }
            try (var rs = c.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM lic_licence l JOIN la_application a ON a.id = l.application_id"
                            + " WHERE a.state <> 'APPROVED'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("licences of applications that are not APPROVED")
                        .isZero();
            }
        }
        int status = AuditVerifyCommand.run("--spring.datasource.url=" + url, "--lodestone.data-dir=" + dir);
        assertThat(status).as("audit-verify exit status").isEqualTo(AuditVerifyCommand.INTACT);
    }

    private static Map<String, String> strings(Connection c, String sql) throws SQLException {
        Map<String, String> result = new HashMap<>();
        try (var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
        }
        return result;
    }

    private static int count(Connection c, String sql, String param) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String string(Connection c, String sql, String param) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
