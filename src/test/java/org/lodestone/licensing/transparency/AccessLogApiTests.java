package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Reads of an application's sensitive content by authority staff are audited once per request as SENSITIVE_READ and
 * listed in the applicant's access log; no organisation sees another's log, however it filters (#6).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    DocumentRecords records;

    @Autowired
    org.lodestone.licensing.evidence.DocumentStorage storage;

    private ApplicationFixtures fx;
    private String app;
    private String reference;
    private String other;
    private String otherApp;

    @BeforeAll
    void applications() {
        fx = new ApplicationFixtures(mvc);
        app = fx.submitted("applicant");
        reference = read(fx.get("applicant", "/api/v1/applications/" + app), "$.reference");
        other = fx.otherExporter("CN-JX");
        otherApp = fx.submitted(other);
    }

    @Test
    void reviewerReadingTheApplicationIsAuditedAndListedToTheApplicant() {
        long before = total("applicant", app);
        assertThat(fx.get("reviewer", "/api/v1/applications/" + app + "/parties"))
                .hasStatusOk();

        AuditEntry entry = sensitiveReads(app).getFirst();
        assertThat(entry.actor()).isEqualTo("reviewer");
        assertThat(entry.detail()).contains("case " + reference).contains("GET /api/v1/applications/{id}/parties");

        MvcTestResult log = fx.get("applicant", "/api/v1/access-log?application=" + app);
        assertThat(log).hasStatusOk();
        assertThat(((Number) read(log, "$.total")).longValue()).isEqualTo(before + 1);
        assertThat((String) read(log, "$.entries[0].kind")).isEqualTo("APPLICATION");
        assertThat((String) read(log, "$.entries[0].what")).isEqualTo("GET /api/v1/applications/{id}/parties");
        assertThat((String) read(log, "$.entries[0].subject.applicationReference"))
                .isEqualTo(reference);
        assertThat((String) read(log, "$.entries[0].reader.username")).isEqualTo("reviewer");
        assertThat((String) read(log, "$.entries[0].reader.organisation")).isNotBlank();
        assertThat((Integer) read(log, "$.entries[0].auditSequence")).isEqualTo((int) entry.sequence());
    }

    @Test
    void aPageThatReadsTheApplicationSeveralTimesIsOneEntry() {
        long before = sensitiveReads(app).size();
        var session = new DemoSessions(mvc).of("supervisor");
        assertThat(mvc.get().uri("/applications/" + app).session(session).exchange())
                .hasStatusOk();
        assertThat(sensitiveReads(app)).hasSize((int) before + 1);
        assertThat(sensitiveReads(app).getFirst().actor()).isEqualTo("supervisor");
    }

    @Test
    void aCommandThatReadsTheApplicationInItsTransactionIsAuditedAfterIt() {
        long before = sensitiveReads(app).size();
        MvcTestResult note = fx.post("reviewer", "/api/v1/applications/" + app + "/notes", "{\"body\": \"read it\"}");
        assertThat(note).as(body(note)).hasStatus(201);
        assertThat(sensitiveReads(app)).hasSize((int) before + 1);
        assertThat(sensitiveReads(app).getFirst().detail()).contains("POST /api/v1/applications/{id}/notes");
        // recorded after the note's own entry, in a transaction of its own
        List<AuditEntry> trail = audit.find(new AuditQuery("APPLICATION", app, "reviewer", null, null, 2));
        assertThat(trail).extracting(AuditEntry::action).containsExactly("SENSITIVE_READ", "CASE_NOTE_ADDED");
    }

    @Test
    void readingTheListOfDocumentsIsASensitiveRead() {
        long before = sensitiveReads(app).size();
        assertThat(fx.get("enforcement", "/api/v1/applications/" + app + "/documents"))
                .hasStatusOk();
        assertThat(sensitiveReads(app)).hasSize((int) before + 1);
        assertThat(sensitiveReads(app).getFirst().detail()).contains("GET /api/v1/applications/{id}/documents");
        assertThat(sensitiveReads(app).getFirst().actor()).isEqualTo("enforcement");
    }

    @Test
    void documentsUploadedByAForeignPartyAreInItsLogNotTheApplicants() {
        // The sealed-evidence upload of foreign parties is another feature; its rows look like this: the consignee's
        // user as uploader, on the exporter's application, the content already in storage.
        String donor = fx.file("applicant", fx.draft("applicant"), DocumentType.OTHER, null, null);
        EvidenceDocument template = records.find(DocumentId.of(donor)).orElseThrow();
        // Blobs are per application and encrypted with its key (#6): the content goes into this application's storage.
        try (var content = storage.open(template.applicationId(), template.sha256())) {
            storage.store(ApplicationId.of(app), content, Long.MAX_VALUE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String consigneeId = read(fx.get("consignee", "/api/v1/me"), "$.id");
        var sealed = new EvidenceDocument(
                new DocumentId(UUID.randomUUID()),
                ApplicationId.of(app),
                DocumentType.END_USER_CERTIFICATE,
                null,
                null,
                "consignee-certificate.pdf",
                template.contentType(),
                template.sizeBytes(),
                template.sha256(),
                null,
                new UserId(UUID.fromString(consigneeId)),
                "Anna Weber (Consignee)",
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                0);
        records.insert(sealed);

        assertThat(fx.get("reviewer", "/api/v1/documents/" + sealed.id() + "/content?purpose=" + reference))
                .hasStatusOk();

        MvcTestResult consignee = fx.get("consignee", "/api/v1/access-log?size=200");
        assertThat((List<String>) read(consignee, "$.entries[*].subject.documentId"))
                .contains(sealed.id().toString());
        assertThat((List<String>) read(consignee, "$.entries[*].subject.applicationReference"))
                .contains(reference);
        MvcTestResult applicant = fx.get("applicant", "/api/v1/access-log?size=200");
        assertThat((List<String>) read(applicant, "$.entries[*].subject.documentId"))
                .doesNotContain(sealed.id().toString());
    }

    @Test
    void theOwnersOwnReadsAreNotInItsLog() {
        long before = total("applicant", app);
        long audited = sensitiveReads(app).size();
        assertThat(fx.get("applicant", "/api/v1/applications/" + app)).hasStatusOk();
        assertThat(total("applicant", app)).isEqualTo(before);
        assertThat(sensitiveReads(app)).hasSize((int) audited);
    }

    @Test
    void noOrganisationSeesAnothersLog() {
        assertThat(fx.get("reviewer", "/api/v1/applications/" + otherApp)).hasStatusOk();
        assertThat(fx.get("reviewer", "/api/v1/applications/" + app)).hasStatusOk();

        // the other exporter sees the read of its own application, never the demo exporter's
        MvcTestResult theirs = fx.get(other, "/api/v1/access-log?size=200");
        assertThat(theirs).hasStatusOk();
        assertThat((List<String>) read(theirs, "$.entries[*].subject.applicationId"))
                .contains(otherApp)
                .doesNotContain(app);
        // naming another organisation's application filters to nothing, it does not widen the log
        MvcTestResult probing = fx.get(other, "/api/v1/access-log?application=" + app);
        assertThat(probing).hasStatusOk();
        assertThat(((Number) read(probing, "$.total")).longValue()).isZero();
        MvcTestResult ours = fx.get("applicant", "/api/v1/access-log?size=200");
        assertThat((List<String>) read(ours, "$.entries[*].subject.applicationId"))
                .doesNotContain(otherApp);
        // the consignee's organisation uploaded nothing here: its log is its own, and empty of these
        MvcTestResult consignee = fx.get("consignee", "/api/v1/access-log?size=200");
        assertThat(consignee).hasStatusOk();
        assertThat((List<String>) read(consignee, "$.entries[*].subject.applicationId"))
                .doesNotContain(app, otherApp);
    }

    @Test
    void filtersByDateRangeInIso8601() {
        assertThat(fx.get("reviewer", "/api/v1/applications/" + app)).hasStatusOk();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(total("applicant", app, "&from=" + today + "&to=" + today)).isPositive();
        assertThat(total("applicant", app, "&from=" + tomorrow)).isZero();
        assertThat(total("applicant", app, "&to=2020-01-01T00:00:00Z")).isZero();

        MvcTestResult bad = fx.get("applicant", "/api/v1/access-log?from=yesterday");
        assertThat(bad).hasStatus(422);
        assertThat((List<String>) read(bad, "$.errors[*].field")).containsExactly("from");
        MvcTestResult backwards = fx.get("applicant", "/api/v1/access-log?from=" + tomorrow + "&to=" + today);
        assertThat(backwards).hasStatus(422);
        assertThat((List<String>) read(backwards, "$.errors[*].field")).containsExactly("to");
        MvcTestResult notAnId = fx.get("applicant", "/api/v1/access-log?application=EL-1");
        assertThat(notAnId).hasStatus(422);
        assertThat((List<String>) read(notAnId, "$.errors[*].field")).containsExactly("application");
    }

    @Test
    void thePageListsTheReadsAndExplainsABadFilter() {
        assertThat(fx.get("reviewer", "/api/v1/applications/" + app)).hasStatusOk();
        var session = new DemoSessions(mvc).of("applicant");
        MvcTestResult page =
                mvc.get().uri("/access-log?application=" + app).session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page))
                .contains("id=\"access-log-table\"")
                .contains(reference)
                .contains("REVIEWER")
                .contains("value=\"" + app + "\""); // the filter is kept in the form
        MvcTestResult bad =
                mvc.get().uri("/access-log?to=soon").session(session).exchange();
        assertThat(bad).hasStatus(422);
        assertThat(body(bad)).contains("to: ");
    }

    private List<AuditEntry> sensitiveReads(String application) {
        return audit.find(new AuditQuery("APPLICATION", application, null, null, null, AuditQuery.MAX_LIMIT)).stream()
                .filter(e -> e.action().equals("SENSITIVE_READ"))
                .toList();
    }

    private long total(String user, String application) {
        return total(user, application, "");
    }

    private long total(String user, String application, String more) {
        MvcTestResult log = fx.get(user, "/api/v1/access-log?application=" + application + more);
        assertThat(log).as(body(log)).hasStatusOk();
        return ((Number) read(log, "$.total")).longValue();
    }
}
