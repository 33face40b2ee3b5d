package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Authority staff state the case to open a document, and get a watermarked copy; the owner's access log lists the read
 * (#6). Owners need no purpose and get their own bytes back, unmarked.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentPurposeTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AuditTrail audit;

    private ApplicationFixtures fx;
    private String app;
    private String reference;
    private String otherReference;
    private String pdf;
    private String png;
    private String csv;

    @BeforeAll
    void submittedApplicationWithDocuments() {
        fx = new ApplicationFixtures(mvc);
        app = fx.complete("applicant");
        pdf = fx.file("applicant", app, DocumentType.OTHER, null, null);
        png = fx.file("applicant", app, DocumentType.PRODUCT_PHOTO, null, null);
        MvcTestResult uploaded = mvc.post()
                .uri("/api/v1/applications/" + app + "/documents")
                .with(DemoLogins.as(mvc, "applicant"))
                .multipart()
                .file(new MockMultipartFile("file", "secret-customer-list.csv", "text/csv", EvidenceFixtures.csv()))
                .param("type", DocumentType.CUSTOMER_ORDER.name())
                .exchange();
        assertThat(uploaded).as(body(uploaded)).hasStatus(201);
        csv = read(uploaded, "$.id");
        assertThat(fx.submit("applicant", app, null)).hasStatusOk();
        reference = read(fx.get("applicant", "/api/v1/applications/" + app), "$.reference");
        otherReference = read(fx.get("applicant", "/api/v1/applications/" + fx.submitted("applicant")), "$.reference");
    }

    @Test
    void reviewerWithoutPurposeIsRefusedNamingTheFieldAndReadsNothing() {
        long before = reads(pdf);
        MvcTestResult refused = download(pdf, "reviewer", null, null);
        assertThat(refused).hasStatus(422);
        assertThat((String) read(refused, "$.type")).isEqualTo("urn:lodestone:problem:purpose-required");
        assertThat((List<String>) read(refused, "$.errors[*].field")).containsExactly("purpose");
        assertThat(reads(pdf)).isEqualTo(before);
    }

    @Test
    void reviewerNamingAnotherCaseIsRefused() {
        long before = reads(pdf);
        MvcTestResult refused = download(pdf, "reviewer", otherReference, null);
        assertThat(refused).hasStatus(422);
        assertThat((List<String>) read(refused, "$.errors[*].field")).containsExactly("purpose");
        assertThat(reads(pdf)).isEqualTo(before);
    }

    @Test
    void reviewerStatingTheCaseGetsAWatermarkedPdfAndTheOwnerSeesTheRead() throws Exception {
        MvcTestResult ok = download(pdf, "reviewer", reference.toLowerCase(), "checking the end user");
        assertThat(ok).hasStatusOk();
        String trace = ok.getResponse().getHeader("X-Lodestone-Trace");
        assertThat(trace).isNotBlank();
        assertThat(ok.getResponse().getHeader(HttpHeaders.ETAG)).isNull();
        byte[] bytes = ok.getResponse().getContentAsByteArray();
        assertThat(ok.getResponse().getContentLengthLong()).isEqualTo(bytes.length);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Viewed by")
                    .contains("(reviewer)")
                    .contains("case " + reference)
                    .contains("trace " + trace);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("LodestoneTrace"))
                    .isEqualTo(trace);
            assertThat(document.getDocumentInformation().getCustomMetadataValue("LodestoneCase"))
                    .isEqualTo(reference);
        }

        AuditEntry read = latestRead(pdf);
        assertThat(read.actor()).isEqualTo("reviewer");
        assertThat(read.detail())
                .contains("purpose " + reference + ": checking the end user")
                .contains("watermark PDF stamp trace " + trace);

        MvcTestResult log = fx.get("applicant", "/api/v1/access-log?application=" + app + "&size=200");
        assertThat(log).hasStatusOk();
        List<Map<String, Object>> entries = read(log, "$.entries[?(@.traceId == '" + trace + "')]");
        assertThat(entries).hasSize(1);
        assertThat(values(log, "$.entries[?(@.traceId == '" + trace + "')].subject.documentId"))
                .containsExactly(pdf);
        assertThat(values(log, "$.entries[?(@.traceId == '" + trace + "')].subject.documentType"))
                .containsExactly("OTHER");
        assertThat(values(log, "$.entries[?(@.traceId == '" + trace + "')].purpose"))
                .containsExactly(reference);
        assertThat(values(log, "$.entries[?(@.traceId == '" + trace + "')].reason"))
                .containsExactly("checking the end user");
        assertThat(values(log, "$.entries[?(@.traceId == '" + trace + "')].reader.roles[*]"))
                .contains("REVIEWER");
        assertThat(values(log, "$.entries[?(@.traceId == '" + trace + "')].auditSequence"))
                .containsExactly(Math.toIntExact(read.sequence()));
        assertThat(body(log)).as("filenames are never shown").doesNotContain("secret-customer-list");
    }

    @Test
    void imagesCarryTheMarkInTheirMetadata() throws Exception {
        MvcTestResult ok = download(png, "supervisor", app, null);
        assertThat(ok).hasStatusOk();
        String trace = ok.getResponse().getHeader("X-Lodestone-Trace");
        List<String> texts =
                WatermarksUnitTests.texts(ok.getResponse().getContentAsByteArray(), "javax_imageio_png_1.0");
        assertThat(texts).contains("LodestoneTrace=" + trace);
        assertThat(javax.imageio.ImageIO.read(
                        new ByteArrayInputStream(ok.getResponse().getContentAsByteArray())))
                .isNotNull();
    }

    @Test
    void contentThatCannotCarryAMarkGoesOutAsItIsAndTheAuditSaysSo() throws Exception {
        MvcTestResult ok = download(csv, "reviewer", reference, null);
        assertThat(ok).hasStatusOk();
        assertThat(ok.getResponse().getContentAsByteArray()).isEqualTo(EvidenceFixtures.csv());
        assertThat(latestRead(csv).detail()).contains("no watermark (text/csv cannot carry one)");
    }

    @Test
    void ownersNeedNoPurposeGetTheirBytesUnmarkedAndAreNotInTheirOwnLog() throws Exception {
        long logged = total("applicant", app);
        MvcTestResult ok = download(pdf, "applicant", null, null);
        assertThat(ok).hasStatusOk();
        assertThat(ok.getResponse().getHeader("X-Lodestone-Trace")).isNull();
        assertThat(ok.getResponse().getHeader(HttpHeaders.ETAG)).isNotNull();
        try (PDDocument document = Loader.loadPDF(ok.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("Viewed by");
        }
        assertThat(latestRead(pdf).actor()).isEqualTo("applicant");
        assertThat(total("applicant", app)).isEqualTo(logged);
    }

    @Test
    void pagesAskForThePurposeAndCarryItFromTheCase() throws Exception {
        var session = new DemoSessions(mvc).of("reviewer");
        MvcTestResult form =
                mvc.get().uri("/documents/" + pdf + "/content").session(session).exchange();
        assertThat(form).hasStatusOk();
        assertThat(body(form)).contains("id=\"purpose-form\"").contains("name=\"purpose\"");

        MvcTestResult wrong = mvc.get()
                .uri("/documents/" + pdf + "/content?purpose=" + otherReference)
                .session(session)
                .exchange();
        assertThat(wrong).hasStatus(422);
        assertThat(body(wrong)).contains("id=\"purpose-form\"").contains("is not the case this document belongs to");

        MvcTestResult list = mvc.get()
                .uri("/applications/" + app + "/documents")
                .session(session)
                .exchange();
        assertThat(body(list)).contains("/documents/" + pdf + "/content?purpose=" + app);
        MvcTestResult ok = mvc.get()
                .uri("/documents/" + pdf + "/content?purpose=" + app)
                .session(session)
                .exchange();
        assertThat(ok).hasStatusOk();
        try (PDDocument document = Loader.loadPDF(ok.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("case " + reference);
        }
    }

    private MvcTestResult download(String doc, String user, String purpose, String reason) {
        var request = mvc.get().uri("/api/v1/documents/" + doc + "/content").with(DemoLogins.as(mvc, user));
        if (purpose != null) {
            request.param("purpose", purpose);
        }
        if (reason != null) {
            request.param("reason", reason);
        }
        return request.exchange();
    }

    private static List<Object> values(MvcTestResult result, String path) {
        return read(result, path);
    }

    private long total(String user, String application) {
        Number total = read(fx.get(user, "/api/v1/access-log?application=" + application), "$.total");
        return total.longValue();
    }

    private List<AuditEntry> documentReads(String doc) {
        return audit.find(new AuditQuery("DOCUMENT", doc, null, null, null, AuditQuery.MAX_LIMIT)).stream()
                .filter(e -> e.action().equals("DOCUMENT_READ"))
                .toList();
    }

    private long reads(String doc) {
        return documentReads(doc).size();
    }

    private AuditEntry latestRead(String doc) {
        return documentReads(doc).getFirst();
    }
}
