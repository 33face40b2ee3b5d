package org.lodestone.licensing.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationSummary;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.DocumentVisibility.Verdict;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.licensing.evidence.EvidenceOnFile;
import org.lodestone.licensing.evidence.store.DocumentRecords;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** #6: redaction through the API — what the applicant is told, what is stored, what each reader gets. */
@IntegrationTest
class RedactionApiTests {

    private static final String SECRET = "Zircon Holdings";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Redactions redactions;

    @Autowired
    FieldRedactions fields;

    @Autowired
    Applications applications;

    @Autowired
    DocumentRecords records;

    @Autowired
    EvidenceCatalogue catalogue;

    private ApplicationFixtures fx;
    private String app;

    @BeforeEach
    void draft() {
        fx = new ApplicationFixtures(mvc);
        app = fx.complete("applicant");
    }

    @Test
    void theApplicantIsToldWhatWasFoundTheCopyHoldsNoneOfItAndTheTermIsStoredNowhere() throws IOException {
        String doc = upload(DocumentType.OTHER, twoPages(), "contract.pdf");
        MvcTestResult made = redact(doc, """
                {"terms": ["zircon  holdings", "Ganzhou"], "areas": [{"page": 2, "x": 10, "y": 10, "width": 50, "height": 20}],
                 "audiences": ["CONSULTED_AUTHORITY", "FOREIGN_PARTY"], "keepOriginal": true}""");
        assertThat(made).as(body(made)).hasStatus(201);
        assertThat((Integer) read(made, "$.terms[0].total")).isEqualTo(3);
        assertThat((List<Integer>) read(made, "$.terms[0].pages[*].page")).containsExactly(1, 2);
        assertThat((List<Integer>) read(made, "$.terms[0].pages[*].count")).containsExactly(2, 1);
        assertThat((Integer) read(made, "$.terms[1].total")).isZero();
        assertThat((List<Integer>) read(made, "$.rasterisedPages")).containsExactly(1, 2);
        assertThat((Integer) read(made, "$.areas")).isEqualTo(1);
        String copy = read(made, "$.copy.id");

        MvcTestResult content = fx.get("applicant", "/api/v1/documents/" + copy + "/content");
        assertThat(content).hasStatusOk();
        assertThat(text(content.getResponse().getContentAsByteArray()).toLowerCase())
                .doesNotContain("zircon");
        MvcTestResult meta = fx.get("applicant", "/api/v1/documents/" + copy);
        assertThat((String) read(meta, "$.type")).isEqualTo("OTHER");
        assertThat((String) read(meta, "$.filename")).isEqualTo("contract-redacted.pdf");

        List<AuditEntry> entries = audit.find(new AuditQuery("DOCUMENT", doc, null, null, null, 100));
        AuditEntry applied = entries.stream()
                .filter(e -> e.action().equals("REDACTION_APPLIED"))
                .findFirst()
                .orElseThrow();
        assertThat(applied.detail()).contains("3 occurrence(s)").contains(copy).doesNotContainIgnoringCase("zircon");
        long rowsWithTheTerm = jdbc.sql("""
                        SELECT COUNT(*) FROM rd_document_redaction
                         WHERE LOWER(counts) LIKE '%zircon%' OR LOWER(areas) LIKE '%zircon%'
                            OR LOWER(audiences) LIKE '%zircon%' OR LOWER(rasterised) LIKE '%zircon%'""").query(Long.class).single();
        assertThat(rowsWithTheTerm).isZero();
        long auditRowsWithTheTerm = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE LOWER(detail) LIKE '%zircon%'")
                .query(Long.class)
                .single();
        assertThat(auditRowsWithTheTerm).as("no audit row carries the term").isZero();

        MvcTestResult listed = fx.get("applicant", "/api/v1/applications/" + app + "/documents/" + doc + "/redactions");
        assertThat((Integer) read(listed, "$[0].occurrences")).isEqualTo(3);
        assertThat((String) read(listed, "$[0].original")).isEqualTo("kept, sealed for the competent authority");
        assertThat(body(listed)).doesNotContainIgnoringCase("zircon");
    }

    @Test
    void theCopyDoesNotCarryTheOriginalsNameWhenItHoldsATerm() throws IOException {
        String doc = upload(DocumentType.OTHER, twoPages(), "Zircon-Holdings price list.pdf");
        MvcTestResult made = redact(
                doc, "{\"terms\": [\"zircon holdings\"], \"audiences\": [\"FOREIGN_PARTY\"], \"keepOriginal\": true}");
        assertThat(made).as(body(made)).hasStatus(201);
        MvcTestResult meta = fx.get("applicant", "/api/v1/documents/" + read(made, "$.copy.id"));
        assertThat((String) read(meta, "$.filename")).isEqualTo("redacted-copy.pdf");
        assertThat(body(meta)).doesNotContainIgnoringCase("zircon");
    }

    @Test
    void bad_requests_are_422_naming_the_field() throws IOException {
        String doc = upload(DocumentType.OTHER, twoPages(), "contract.pdf");
        assertProblem(
                redact(doc, "{\"terms\": [\"x y\"], \"audiences\": [\"CONSULTED_AUTHORITY\"]}"), 422, "keepOriginal");
        assertProblem(
                redact(doc, "{\"terms\": [\"xy\"], \"audiences\": [], \"keepOriginal\": true}"), 422, "audiences");
        assertProblem(
                redact(doc, "{\"terms\": [\"xy\"], \"audiences\": [\"NEIGHBOURS\"], \"keepOriginal\": true}"),
                422,
                "audiences[0]");
        assertProblem(redact(doc, """
                        {"areas": [{"page": 1, "x": 500, "y": 10, "width": 300, "height": 20}],
                         "audiences": ["FOREIGN_PARTY"], "keepOriginal": true}"""), 422, "areas[0]");
        assertProblem(redact(doc, """
                        {"areas": [{"page": 3, "x": 5, "y": 10, "width": 30, "height": 20}],
                         "audiences": ["FOREIGN_PARTY"], "keepOriginal": true}"""), 422, "areas[0].page");
        String photo = upload(DocumentType.PRODUCT_PHOTO, EvidenceFixtures.image("png"), "photo.png");
        assertProblem(
                redact(photo, "{\"terms\": [\"xy\"], \"audiences\": [\"FOREIGN_PARTY\"], \"keepOriginal\": true}"),
                422,
                "document");
        String locked = upload(DocumentType.OTHER, encrypted(), "locked.pdf");
        assertProblem(
                redact(locked, "{\"terms\": [\"xy\"], \"audiences\": [\"FOREIGN_PARTY\"], \"keepOriginal\": true}"),
                422,
                "document");
        // nothing was made by any of them
        assertThat(body(fx.get("applicant", "/api/v1/applications/" + app + "/redactions")))
                .isEqualTo("[]");
    }

    @Test
    void oneCopyPerAudienceAndASupersededOriginalIsServedToNobody() throws IOException {
        String doc = upload(DocumentType.CUSTOMER_ORDER, twoPages(), "order.pdf");
        String body = "{\"terms\": [\"%s\"], \"audiences\": [\"%s\"], \"keepOriginal\": %s}";
        MvcTestResult first = redact(doc, body.formatted(SECRET, "CONSULTED_AUTHORITY", true));
        assertThat(first).as(body(first)).hasStatus(201);
        assertProblem(redact(doc, body.formatted(SECRET, "CONSULTED_AUTHORITY", true)), 409, null);
        // once its copy is removed, the applicant may make another for that audience
        MvcTestResult removed = mvc.delete()
                .uri("/api/v1/applications/" + app + "/documents/" + read(first, "$.copy.id"))
                .with(fx.as("applicant"))
                .exchange();
        assertThat(removed).as(body(removed)).hasStatus(204);
        MvcTestResult again = redact(doc, body.formatted(SECRET, "CONSULTED_AUTHORITY", true));
        assertThat(again).as(body(again)).hasStatus(201);
        MvcTestResult second = redact(doc, body.formatted(SECRET, "FOREIGN_PARTY", false));
        assertThat(second).as(body(second)).hasStatus(201);
        String copy = read(second, "$.copy.id");

        assertProblem(fx.get("applicant", "/api/v1/documents/" + doc + "/content"), 410, null);
        assertThat(fx.get("applicant", "/api/v1/documents/" + doc)).hasStatusOk(); // the record stays
        List<String> onFile = catalogue.onFile(ApplicationId.of(app)).stream()
                .map(EvidenceOnFile::id)
                .map(DocumentId::toString)
                .toList();
        assertThat(onFile).contains(copy).doesNotContain(doc);
        MvcTestResult completeness = fx.get("applicant", "/api/v1/applications/" + app + "/completeness");
        assertThat((Boolean) read(completeness, "$.complete"))
                .as(body(completeness))
                .isTrue();
        assertProblem(redact(doc, body.formatted(SECRET, "FOREIGN_PARTY", true)), 409, null);
        MvcTestResult listed = fx.get("applicant", "/api/v1/applications/" + app + "/documents/" + doc + "/redactions");
        assertThat((List<String>) read(listed, "$[*].original"))
                .containsExactly(
                        "kept, sealed for the competent authority",
                        "kept, sealed for the competent authority",
                        "superseded by redacted copy");
    }

    /** Nothing lets a foreign party read an exporter's case yet; the audience is ready for when something does. */
    @Test
    void aForeignPartyReadsItsCopyAndRedactedFieldsAndTheOriginalsRedactedForOthers() throws IOException {
        String forForeign = upload(DocumentType.OTHER, twoPages(), "a.pdf");
        String forConsulted = upload(DocumentType.OTHER, twoPages(), "b.pdf");
        String body = "{\"terms\": [\"%s\"], \"audiences\": [\"%s\"], \"keepOriginal\": true}";
        String foreignCopy = read(redact(forForeign, body.formatted(SECRET, "FOREIGN_PARTY")), "$.copy.id");
        String consultedCopy = read(redact(forConsulted, body.formatted(SECRET, "CONSULTED_AUTHORITY")), "$.copy.id");
        MvcTestResult marked = mvc.put()
                .uri("/api/v1/applications/" + app + "/field-redactions")
                .with(fx.as("applicant"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"PARTY_CONTACTS\": [\"FOREIGN_PARTY\"], \"END_USE_STATEMENT\": [\"CONSULTED_AUTHORITY\"]}")
                .exchange();
        assertThat(marked).as(body(marked)).hasStatusOk();

        var application = applications.find(ApplicationId.of(app)).orElseThrow();
        ApplicationSummary summary = application.summary();
        CurrentUser foreign = new CurrentUser(
                new UserId(UUID.randomUUID()),
                "partner",
                "Partner",
                new OrganisationId(UUID.randomUUID()),
                "Partner GmbH",
                OrganisationKind.FOREIGN_PARTY,
                null,
                Set.of(Role.CONSIGNEE));
        assertThat(redactions.of(doc(forForeign), summary, foreign)).isEqualTo(Verdict.HIDDEN);
        assertThat(redactions.of(doc(foreignCopy), summary, foreign)).isEqualTo(Verdict.VISIBLE);
        assertThat(redactions.of(doc(forConsulted), summary, foreign)).isEqualTo(Verdict.VISIBLE);
        assertThat(redactions.of(doc(consultedCopy), summary, foreign)).isEqualTo(Verdict.HIDDEN);

        var seen = fields.view(application, application.content(), foreign);
        assertThat(seen.parties())
                .allSatisfy(p -> assertThat(p.contact() == null
                                || "[redacted]".equals(p.contact().email()))
                        .isTrue());
        assertThat(seen.endUse().statement())
                .isEqualTo(application.content().endUse().statement());

        // An authority that nothing recognises (neither competent nor consulted) counts as every audience.
        CurrentUser unknownAuthority = new CurrentUser(
                new UserId(UUID.randomUUID()),
                "elsewhere",
                "Elsewhere",
                new OrganisationId(UUID.randomUUID()),
                "Elsewhere Bureau",
                OrganisationKind.AUTHORITY,
                "CN-XX",
                Set.of(Role.REVIEWER));
        assertThat(redactions.of(doc(forForeign), summary, unknownAuthority)).isEqualTo(Verdict.HIDDEN);
        assertThat(redactions.of(doc(forConsulted), summary, unknownAuthority)).isEqualTo(Verdict.HIDDEN);
        assertThat(fields.view(application, application.content(), unknownAuthority)
                        .endUse()
                        .statement())
                .isEqualTo("[redacted]");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private org.lodestone.licensing.evidence.EvidenceDocument doc(String id) {
        return records.find(DocumentId.of(id)).orElseThrow();
    }

    private MvcTestResult redact(String doc, String json) {
        return fx.post("applicant", "/api/v1/applications/" + app + "/documents/" + doc + "/redactions", json);
    }

    private String upload(DocumentType type, byte[] content, String filename) {
        MvcTestResult r = mvc.post()
                .uri("/api/v1/applications/" + app + "/documents")
                .with(fx.as("applicant"))
                .multipart()
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .param("type", type.name())
                .exchange();
        assertThat(r).as(body(r)).hasStatus(201);
        return read(r, "$.id");
    }

    private static void assertProblem(MvcTestResult result, int status, String field) {
        assertThat(result).as(body(result)).hasStatus(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat((String) read(result, "$.errors[0].field")).isEqualTo(field);
        }
    }

    private static byte[] twoPages() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String[] lines : List.of(
                    new String[] {"Supplier Zircon Holdings", "again ZIRCON HOLDINGS here"},
                    new String[] {"Page two: Zircon Holdings", "public text"})) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (var content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 760);
                    content.showText(lines[0]);
                    content.newLineAtOffset(0, -20);
                    content.showText(lines[1]);
                    content.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypted() throws IOException {
        try (PDDocument doc = Loader.loadPDF(twoPages())) {
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
