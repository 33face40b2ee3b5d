package org.lodestone.licensing.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.protection.Protection;
import org.lodestone.protection.ProtectionProblem;
import org.lodestone.protection.Scope;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * #6 retention: a withdrawn application past its period is crypto-shredded (410 through the API, wrapped key erased,
 * the raw sealed value cannot be opened), once; one inside its period is untouched; the audit chain stays intact with
 * the RETENTION_SHREDDED entry. Time is moved by backdating the application's last change, so the shared database's
 * other applications are not due.
 */
@IntegrationTest
class RetentionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Retention retention;

    @Autowired
    Protection protection;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWithdrawnApplicationPastItsPeriodIsShreddedOnceAndTheAuditStaysVerifiable() {
        var fx = new ApplicationFixtures(mvc);
        String old = withdrawnWithContent(fx);
        String recent = withdrawnWithContent(fx);
        Instant now = Instant.now();
        backdate(old, now.atOffset(ZoneOffset.UTC).minusYears(5).minusDays(1));
        backdate(recent, now.atOffset(ZoneOffset.UTC).minusYears(5).plusDays(1));
        String doc = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM evidence_document WHERE application_id = :id")
                .param("id", UUID.fromString(old))
                .query(String.class)
                .list()
                .getFirst();

        Retention.RunResult first = retention.run(now);

        assertThat(first.shredded().get(RetentionCategory.WITHDRAWN_APPLICATIONS))
                .isGreaterThanOrEqualTo(1);
        var application = fx.get("applicant", "/api/v1/applications/" + old);
        assertThat(application).hasStatus(410);
        assertThat((String) JsonPath.read(ApplicationFixtures.body(application), "$.type"))
                .isEqualTo("urn:lodestone:problem:destroyed");
        assertThat(fx.get("applicant", "/api/v1/documents/" + doc + "/content")).hasStatus(410);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pr_data_key WHERE scope = :scope"
                                + " AND wrapped_key IS NULL AND kek_id IS NULL AND destroyed_at IS NOT NULL")
                        .param("scope", Scope.application(UUID.fromString(old)).value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        String sealed = jdbc.sql("SELECT name_latin FROM la_party WHERE application_id = :id")
                .param("id", UUID.fromString(old))
                .query(String.class)
                .list()
                .getFirst();
        assertThat(Protection.isSealed(sealed)).isTrue();
        assertThatThrownBy(
                        () -> protection.open(Scope.application(UUID.fromString(old)), sealed, "la_party.name_latin"))
                .isInstanceOfSatisfying(
                        ProtectionProblem.class, p -> assertThat(p.kind()).isEqualTo(ProtectionProblem.Kind.DESTROYED));

        // inside its period: untouched
        assertThat(fx.get("applicant", "/api/v1/applications/" + recent)).hasStatusOk();
        assertThat(protection.isDestroyed(Scope.application(UUID.fromString(recent))))
                .isFalse();

        // idempotent: the second run leaves the shredded one alone and records nothing new for it
        retention.run(now);
        var entries = audit.find(new AuditQuery("APPLICATION", old, null, null, null, 100));
        assertThat(entries.stream().filter(e -> e.action().equals("RETENTION_SHREDDED")))
                .singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .contains("category=withdrawn-applications")
                        .contains("period=P5Y")
                        .doesNotContain("Motorenwerk"));
        assertThat(audit
                        .find(new AuditQuery(
                                "DATA_KEY",
                                Scope.application(UUID.fromString(old)).value(),
                                null,
                                null,
                                null,
                                10))
                        .stream()
                        .map(AuditEntry::action))
                .containsExactly("DATA_KEY_DESTROYED");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void administratorsSeeThePeriodsAndRunRetentionThroughTheApi() {
        var fx = new ApplicationFixtures(mvc);
        String app = withdrawnWithContent(fx);
        backdate(app, Instant.now().atOffset(ZoneOffset.UTC).minusYears(6));

        var overview = fx.get("admin", "/api/v1/retention");
        assertThat(overview).hasStatusOk();
        String body = ApplicationFixtures.body(overview);
        assertThat((java.util.List<String>)
                        JsonPath.read(body, "$.categories[?(@.category == 'withdrawn-applications')].period"))
                .containsExactly("P5Y");
        assertThat((java.util.List<Integer>)
                        JsonPath.read(body, "$.categories[?(@.category == 'withdrawn-applications')].due"))
                .singleElement()
                .satisfies(due -> assertThat(due).isGreaterThanOrEqualTo(1));

        var run = fx.post("admin", "/api/v1/retention/runs", "");
        assertThat(run).hasStatusOk();
        assertThat((Integer) JsonPath.read(ApplicationFixtures.body(run), "$.shredded['withdrawn-applications']"))
                .isGreaterThanOrEqualTo(1);
        assertThat(fx.get("applicant", "/api/v1/applications/" + app)).hasStatus(410);
        assertThat(audit.find(new AuditQuery("APPLICATION", app, null, null, null, 100)).stream()
                        .filter(e -> e.action().equals("RETENTION_SHREDDED")))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
    }

    @Autowired
    org.lodestone.licensing.retention.store.RetentionStore store;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aFailureOnOneApplicationRollsItBackAndTheRunGoesOn() {
        var fx = new ApplicationFixtures(mvc);
        String failing = withdrawnWithContent(fx);
        String other = withdrawnWithContent(fx);
        Instant now = Instant.now();
        backdate(failing, now.atOffset(ZoneOffset.UTC).minusYears(6));
        backdate(other, now.atOffset(ZoneOffset.UTC).minusYears(6).plusDays(1));
        // the audit append fails for one application, after its key was destroyed in the same transaction
        org.lodestone.audit.AuditTrail failingAudit = new org.lodestone.audit.AuditTrail() {
            @Override
            public AuditEntry record(org.lodestone.audit.AuditRecord record) {
                if (failing.equals(record.objectId())) {
                    throw new IllegalStateException("audit unavailable");
                }
                return audit.record(record);
            }

            @Override
            public org.lodestone.audit.ChainVerification verify() {
                return audit.verify();
            }

            @Override
            public java.util.List<AuditEntry> find(AuditQuery query) {
                return audit.find(query);
            }
        };
        var properties = new RetentionProperties("keep", "P5Y", "keep", "keep", "0 30 3 * * *");
        var isolated =
                new Retention(store, protection, failingAudit, transactions, properties, java.time.Clock.systemUTC());

        Retention.RunResult result = isolated.run(now);

        assertThat(result.failed()).isGreaterThanOrEqualTo(1);
        assertThat(protection.isDestroyed(Scope.application(UUID.fromString(other))))
                .isTrue();
        assertThat(protection.isDestroyed(Scope.application(UUID.fromString(failing))))
                .isFalse();
        assertThat(store.isShredded(UUID.fromString(failing))).isFalse();
        assertThat(fx.get("applicant", "/api/v1/applications/" + failing)).hasStatusOk();

        // the next (working) run takes it
        retention.run(now);
        assertThat(protection.isDestroyed(Scope.application(UUID.fromString(failing))))
                .isTrue();
    }

    private String withdrawnWithContent(ApplicationFixtures fx) {
        String app = fx.draft();
        fx.addParty(app, ApplicationFixtures.CONSIGNEE);
        fx.file(app, DocumentType.OTHER, null, null);
        assertThat(fx.post("applicant", "/api/v1/applications/" + app + "/withdraw", "{}"))
                .hasStatusOk();
        return app;
    }

    private void backdate(String app, OffsetDateTime at) {
        jdbc.sql("UPDATE la_application SET updated_at = :at WHERE id = :id")
                .param("at", at)
                .param("id", UUID.fromString(app))
                .update();
    }
}
