package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A bulk export of sensitive data needs a supervisor's approval (#6): requested with a reason, decided by a supervisor
 * who is not the requester, downloaded once by the requester within the window; every step audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataExportsApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private ApplicationFixtures fx;
    private ExportFixtures exports;
    private String reference;

    @BeforeAll
    void submittedToday() {
        fx = new ApplicationFixtures(mvc);
        exports = new ExportFixtures(fx);
        String app = fx.submitted("applicant");
        reference = read(fx.get("applicant", "/api/v1/applications/" + app), "$.reference");
    }

    @Test
    void approvedExportIsDownloadedOnceByTheRequesterAndEveryStepIsAudited() throws Exception {
        String id = exports.pending("reviewer");
        MvcTestResult early = fx.get("reviewer", "/api/v1/data-exports/" + id + "/content");
        assertThat(early).hasStatus(409);
        assertThat((String) read(early, "$.type")).isEqualTo("urn:lodestone:problem:export-not-approved");

        MvcTestResult approved = fx.post("supervisor", "/api/v1/data-exports/" + id + "/decision", """
                {"decision": "APPROVED", "reason": "audit of the magnet cases"}""");
        assertThat(approved).hasStatusOk();
        assertThat((String) read(approved, "$.state")).isEqualTo("APPROVED");
        assertThat((String) read(approved, "$.expiresAt")).isNotBlank();

        assertThat(fx.get("supervisor", "/api/v1/data-exports/" + id + "/content"))
                .hasStatus(403);
        MvcTestResult csv = fx.get("reviewer", "/api/v1/data-exports/" + id + "/content");
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith(DataExports.HEADER).contains(reference).contains("Motorenwerk GmbH");

        MvcTestResult again = fx.get("reviewer", "/api/v1/data-exports/" + id + "/content");
        assertThat(again).hasStatus(409);
        assertThat((String) read(again, "$.type")).isEqualTo("urn:lodestone:problem:export-already-downloaded");
        assertThat((String) read(fx.get("reviewer", "/api/v1/data-exports/" + id), "$.state"))
                .isEqualTo("DOWNLOADED");

        List<String> actions = audit.find(new AuditQuery("DATA_EXPORT", id, null, null, null, 10)).stream()
                .map(AuditEntry::action)
                .toList();
        assertThat(actions).containsExactly("DATA_EXPORT_DOWNLOADED", "DATA_EXPORT_APPROVED", "DATA_EXPORT_REQUESTED");
    }

    @Test
    void aSupervisorMayNotApproveTheirOwnRequest() {
        String id = exports.pending("supervisor");
        MvcTestResult own = fx.post("supervisor", "/api/v1/data-exports/" + id + "/decision", """
                {"decision": "APPROVED", "reason": "mine"}""");
        assertThat(own).hasStatus(403);
        assertThat((String) read(own, "$.type")).isEqualTo("urn:lodestone:problem:export-approval-by-requester");
        assertThat((String) read(fx.get("supervisor", "/api/v1/data-exports/" + id), "$.state"))
                .isEqualTo("PENDING");
        assertThat(fx.get("supervisor", "/api/v1/data-exports/" + id + "/content"))
                .hasStatus(409);
    }

    @Test
    void refusedAndExpiredExportsCannotBeDownloaded() {
        String refused = exports.pending("reviewer");
        assertThat(fx.post("supervisor", "/api/v1/data-exports/" + refused + "/decision", """
                        {"decision": "REFUSED", "reason": "no mandate"}"""))
                .hasStatusOk();
        MvcTestResult no = fx.get("reviewer", "/api/v1/data-exports/" + refused + "/content");
        assertThat(no).hasStatus(409);
        assertThat((String) read(no, "$.type")).isEqualTo("urn:lodestone:problem:export-refused");
        // decided once only
        assertThat(fx.post("supervisor", "/api/v1/data-exports/" + refused + "/decision", """
                        {"decision": "APPROVED", "reason": "changed my mind"}"""))
                .hasStatus(409);

        String expired = exports.approved("reviewer", "supervisor");
        jdbc.sql("UPDATE data_export_request SET expires_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' "
                        + "WHERE id = :id")
                .param("id", UUID.fromString(expired))
                .update();
        MvcTestResult late = fx.get("reviewer", "/api/v1/data-exports/" + expired + "/content");
        assertThat(late).hasStatus(409);
        assertThat((String) read(late, "$.type")).isEqualTo("urn:lodestone:problem:export-expired");
    }

    @Test
    void invalidRequestsNameTheField() {
        MvcTestResult noReason = fx.post("reviewer", "/api/v1/data-exports", """
                {"from": "2026-01-01", "to": "2026-01-31"}""");
        assertThat(noReason).hasStatus(422);
        assertThat((List<String>) read(noReason, "$.errors[*].field")).containsExactly("reason");
        MvcTestResult backwards = fx.post("reviewer", "/api/v1/data-exports", """
                {"reason": "x", "from": "2026-02-01", "to": "2026-01-31"}""");
        assertThat(backwards).hasStatus(422);
        assertThat((List<String>) read(backwards, "$.errors[*].field")).containsExactly("to");
        String id = exports.pending("reviewer");
        MvcTestResult noDecision = fx.post("supervisor", "/api/v1/data-exports/" + id + "/decision", """
                {"reason": "x"}""");
        assertThat(noDecision).hasStatus(422);
        assertThat((List<String>) read(noDecision, "$.errors[*].field")).containsExactly("decision");
    }

    @Test
    void formsNeedTheirCsrfToken() {
        var reviewer = new DemoSessions(mvc).of("reviewer");
        int before = ((List<?>) read(fx.get("reviewer", "/api/v1/data-exports"), "$")).size();
        assertThat(mvc.post()
                        .uri("/data-exports")
                        .session(reviewer)
                        .param("reason", "no token")
                        .param("from", "2026-01-01")
                        .param("to", "2026-01-31")
                        .exchange())
                .hasStatus(403);
        assertThat((List<?>) read(fx.get("reviewer", "/api/v1/data-exports"), "$"))
                .hasSize(before);

        String id = exports.pending("reviewer");
        var supervisor = new DemoSessions(mvc).of("supervisor");
        assertThat(mvc.post()
                        .uri("/data-exports/" + id + "/decision")
                        .session(supervisor)
                        .param("decision", "APPROVED")
                        .param("reason", "no token")
                        .exchange())
                .hasStatus(403);
        assertThat((String) read(fx.get("reviewer", "/api/v1/data-exports/" + id), "$.state"))
                .isEqualTo("PENDING");
        // with the token the same form works, and the page shows the outcome
        assertThat(mvc.post()
                        .uri("/data-exports/" + id + "/decision")
                        .session(supervisor)
                        .with(csrf())
                        .param("decision", "APPROVED")
                        .param("reason", "with token")
                        .exchange())
                .hasStatus3xxRedirection();
        MvcTestResult page = mvc.get().uri("/data-exports").session(reviewer).exchange();
        assertThat(body(page)).contains("/data-exports/" + id + "/content");
    }

    @Test
    void spreadsheetFormulasInCellsAreDefused() {
        assertThat(DataExports.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DataExports.cell("plain")).isEqualTo("plain");
        assertThat(DataExports.cell("a,b")).isEqualTo("\"a,b\"");
    }
}
