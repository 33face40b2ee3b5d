package org.lodestone.licensing.evidence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.licensing.evidence.EvidenceProblem;
import org.lodestone.licensing.evidence.NewDocument;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * #3 evidence documents over the API: accepted formats round-trip byte for byte with their SHA-256, disguised
 * executables and pages are refused from their content, empty and oversized files are refused with nothing stored,
 * filenames are sanitised, other organisations see nothing (404), and every download is audited with the reader.
 */
@IntegrationTest
class EvidenceApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    AuditTrail audit;

    @Autowired
    DocumentStorage storage;

    @Autowired
    Evidence evidence;

    @Autowired
    EvidenceCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    OrganisationId exporter;
    ApplicationFixtures applications;
    ApplicationId application;

    @BeforeEach
    void draft() {
        exporter = organisation(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd.");
        applications = new ApplicationFixtures(mvc);
        application = EvidenceFixtures.application(mvc, "applicant");
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                Arguments.of(DocumentType.END_USER_CERTIFICATE, "certificate.pdf", "application/pdf", (Supplier<byte[]>)
                        () -> EvidenceFixtures.pdf("End-user certificate")),
                Arguments.of(DocumentType.PRODUCT_PHOTO, "magnet.jpg", "image/jpeg", (Supplier<byte[]>)
                        () -> EvidenceFixtures.image("jpeg")),
                Arguments.of(DocumentType.PRODUCT_PHOTO, "magnet.png", "image/png", (Supplier<byte[]>)
                        () -> EvidenceFixtures.image("png")),
                Arguments.of(DocumentType.PRODUCTION_LINE_VIDEO, "line.mp4", "video/mp4", (Supplier<byte[]>)
                        EvidenceFixtures::mp4),
                Arguments.of(
                        DocumentType.CUSTOMER_ORDER,
                        "order.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        (Supplier<byte[]>) () -> EvidenceFixtures.ooxml("xl/workbook.xml")),
                Arguments.of(DocumentType.CUSTOMER_ORDER, "orders.csv", "text/csv", (Supplier<byte[]>)
                        EvidenceFixtures::csv));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("acceptedFiles")
    void acceptedFormatsRoundTripByteForByte(DocumentType type, String filename, String detected, Supplier<byte[]> make)
            throws Exception {
        byte[] content = make.get();
        // The client's Content-Type is deliberately wrong: only the content counts.
        MvcTestResult created = upload(application, "applicant", type, filename, "application/octet-stream", content);

        assertThat(created).hasStatus(201);
        String body = body(created);
        String id = JsonPath.read(body, "$.id");
        assertThat(created).hasHeader(HttpHeaders.LOCATION, "/api/v1/documents/" + id);
        assertThat((String) JsonPath.read(body, "$.contentType")).isEqualTo(detected);
        assertThat((String) JsonPath.read(body, "$.sha256")).isEqualTo(EvidenceFixtures.sha256(content));
        assertThat(((Number) JsonPath.read(body, "$.sizeBytes")).longValue()).isEqualTo(content.length);
        assertThat((String) JsonPath.read(body, "$.filename")).isEqualTo(filename);
        assertThat((String) JsonPath.read(body, "$.type")).isEqualTo(type.name());

        MvcTestResult download = mvc.get()
                .uri("/api/v1/documents/" + id + "/content")
                .with(DemoLogins.as(mvc, "applicant"))
                .exchange();
        assertThat(download).hasStatusOk();
        byte[] downloaded = download.getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(content);
        assertThat(EvidenceFixtures.sha256(downloaded)).isEqualTo(EvidenceFixtures.sha256(content));
        assertThat(download).hasHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(content.length));
        assertThat(download).hasHeader(HttpHeaders.ETAG, "\"" + EvidenceFixtures.sha256(content) + "\"");
        assertThat(download).hasHeader("X-Content-Type-Options", "nosniff");
        assertThat(download.getResponse().getContentType()).startsWith(detected);
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment;")
                .contains("filename*=UTF-8''" + filename);
    }

    static Stream<Arguments> disguised() {
        return Stream.of(
                Arguments.of("ELF executable", (Supplier<byte[]>) EvidenceFixtures::elf, "application/x-executable"),
                Arguments.of("PE executable", (Supplier<byte[]>) EvidenceFixtures::pe, "application/x-msdownload"),
                Arguments.of("HTML page", (Supplier<byte[]>) EvidenceFixtures::html, "text/html"),
                Arguments.of("shell script", (Supplier<byte[]>) EvidenceFixtures::shellScript, "application/x-sh"));
    }

    @ParameterizedTest(name = "[{index}] {0} renamed certificate.pdf")
    @MethodSource("disguised")
    void contentDisguisedByExtensionIsRefusedWith415(String label, Supplier<byte[]> make, String detected)
            throws Exception {
        byte[] content = make.get();
        MvcTestResult refused = upload(
                application,
                "applicant",
                DocumentType.END_USER_CERTIFICATE,
                "certificate.pdf",
                "application/pdf",
                content);

        assertThat(refused).hasStatus(415);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        String body = body(refused);
        assertThat((String) JsonPath.read(body, "$.errors[0].field")).isEqualTo("file");
        assertThat((String) JsonPath.read(body, "$.detectedType")).isEqualTo(detected);
        assertThat((String) JsonPath.read(body, "$.detail")).contains(detected).contains("END_USER_CERTIFICATE");
        assertThat(rows(application)).isZero();
        assertThat(storage.exists(application, EvidenceFixtures.sha256(content)))
                .as("nothing written")
                .isFalse();
    }

    @Test
    void emptyFileIs422() throws Exception {
        MvcTestResult refused =
                upload(application, "applicant", DocumentType.OTHER, "empty.pdf", "application/pdf", new byte[0]);
        assertThat(refused).hasStatus(422);
        assertThat((String) JsonPath.read(body(refused), "$.errors[0].field")).isEqualTo("file");
        assertThat(rows(application)).isZero();
    }

    @Test
    void overTheLimitIs413WithNothingStored() {
        byte[] content = EvidenceFixtures.pdf("x".repeat(2000));
        CurrentUser applicant = applicantUser();
        assertThatThrownBy(() -> evidence.upload(
                        application,
                        new NewDocument(DocumentType.OTHER, null, null, "big.pdf", null),
                        new ByteArrayInputStream(content),
                        applicant,
                        content.length - 1))
                .isInstanceOfSatisfying(EvidenceProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(413);
                    assertThat(p.field()).isEqualTo("file");
                });
        assertThat(rows(application)).isZero();
        assertThat(storage.exists(application, EvidenceFixtures.sha256(content)))
                .isFalse();

        // The same bytes at exactly the limit are fine: the limit is inclusive.
        evidence.upload(
                application,
                new NewDocument(DocumentType.OTHER, null, null, "big.pdf", null),
                new ByteArrayInputStream(content),
                applicant,
                content.length);
        assertThat(storage.exists(application, EvidenceFixtures.sha256(content)))
                .isTrue();
    }

    @Test
    void pathTraversalAndControlCharactersInTheFilenameAreStrippedForDisplay() throws Exception {
        byte[] content = EvidenceFixtures.pdf("traversal " + UUID.randomUUID());
        MvcTestResult created = upload(
                application,
                "applicant",
                DocumentType.END_USE_STATEMENT,
                "../../../etc/cron.d/evil\u0000\r\n.pdf",
                "application/pdf",
                content);
        assertThat(created).hasStatus(201);
        assertThat((String) JsonPath.read(body(created), "$.filename")).isEqualTo("evil.pdf");
        String stored = jdbc.sql("SELECT filename FROM evidence_document WHERE application_id = ?")
                .param(application.value())
                .query(String.class)
                .single();
        // sealed with the application's data key (#6): neither the name nor the traversal attempt is in clear
        assertThat(stored).startsWith("lse1:").doesNotContain("evil");
    }

    @Test
    void otherOrganisationsSeeNothingAndUnknownIdsAre404() throws Exception {
        String id = uploadPdf(application);
        String foreign = foreignApplicantToken();

        assertThat(mvc.get()
                        .uri("/api/v1/documents/" + id)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/documents/" + id + "/content")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/applications/" + application + "/documents")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + application + "/documents/" + id)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/api/v1/applications/" + application + "/documents")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreign)
                        .multipart()
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", EvidenceFixtures.pdf("x")))
                        .param("type", "OTHER")
                        .exchange())
                .hasStatus(404);
        // Unknown ids answer exactly like foreign ones.
        assertThat(mvc.get()
                        .uri("/api/v1/documents/" + UUID.randomUUID() + "/content")
                        .with(DemoLogins.as(mvc, "applicant"))
                        .exchange())
                .hasStatus(404);
        // The consignee's organisation is not the applicant's either.
        assertThat(mvc.get()
                        .uri("/api/v1/documents/" + id + "/content")
                        .with(DemoLogins.as(mvc, "consignee"))
                        .exchange())
                .hasStatus(404);
        assertThat(rows(application)).isOne();
    }

    @Test
    void everyDownloadIsAuditedWithTheReaderEvenTheOwner() throws Exception {
        // The bureau's reviewer sees an application (and its evidence) once it is submitted and routed to the bureau.
        ApplicationId submitted = ApplicationId.of(applications.complete("applicant"));
        String id = uploadPdf(submitted);
        assertThat(applications.submit("applicant", submitted.toString(), null)).hasStatusOk();

        MvcTestResult list = mvc.get()
                .uri("/api/v1/applications/" + submitted + "/documents")
                .with(DemoLogins.as(mvc, "reviewer"))
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat((List<String>) JsonPath.read(body(list), "$[*].id"))
                .hasSize(4)
                .contains(id);

        for (String reader : List.of("applicant", "reviewer", "applicant")) {
            assertThat(mvc.get()
                            .uri("/api/v1/documents/" + id + "/content?purpose=" + submitted) // #6: staff name the case
                            .with(DemoLogins.as(mvc, reader))
                            .exchange())
                    .hasStatusOk();
        }

        List<AuditEntry> reads = audit.find(new AuditQuery("DOCUMENT", id, null, null, null, 100)).stream()
                .filter(e -> e.action().equals("DOCUMENT_READ"))
                .toList();
        assertThat(reads).extracting(AuditEntry::actor).containsExactlyInAnyOrder("applicant", "reviewer", "applicant");
        assertThat(reads).allSatisfy(e -> assertThat(e.detail()).contains(submitted.toString()));
        assertThat(audit.find(new AuditQuery("DOCUMENT", id, null, null, null, 100)))
                .extracting(AuditEntry::action)
                .contains("DOCUMENT_UPLOADED");
    }

    @Test
    void listsRemovesSoftlyAndRefusesAStaleRemoval() throws Exception {
        String kept = uploadPdf(application);
        String removed = uploadPdf(application);

        MvcTestResult list = mvc.get()
                .uri("/api/v1/applications/" + application + "/documents")
                .with(DemoLogins.as(mvc, "applicant"))
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat((List<String>) JsonPath.read(body(list), "$[*].id")).containsExactly(kept, removed);
        // A draft is the applicant's alone: the bureau sees it only once it is submitted.
        assertThat(mvc.get()
                        .uri("/api/v1/applications/" + application + "/documents")
                        .with(DemoLogins.as(mvc, "reviewer"))
                        .exchange())
                .hasStatus(404);

        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + application + "/documents/" + removed)
                        .header(HttpHeaders.IF_MATCH, "\"7\"")
                        .with(DemoLogins.as(mvc, "applicant"))
                        .exchange())
                .hasStatus(409);
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + application + "/documents/" + removed)
                        .header(HttpHeaders.IF_MATCH, "\"0\"")
                        .with(DemoLogins.as(mvc, "applicant"))
                        .exchange())
                .hasStatus(204);
        assertThat(mvc.delete()
                        .uri("/api/v1/applications/" + application + "/documents/" + removed)
                        .with(DemoLogins.as(mvc, "applicant"))
                        .exchange())
                .hasStatus(409);

        assertThat(catalogue.onFile(application))
                .extracting(e -> e.id().toString())
                .containsExactly(kept);
        assertThat(mvc.get()
                        .uri("/api/v1/documents/" + removed)
                        .with(DemoLogins.as(mvc, "applicant"))
                        .exchange())
                .bodyJson()
                .extractingPath("$.removedAt")
                .isNotNull();
    }

    @Test
    void onlyTheApplicantMayAttachAndOnlyWhileTheApplicationAcceptsEvidence() throws Exception {
        assertThat(upload(
                        application,
                        "reviewer",
                        DocumentType.OTHER,
                        "x.pdf",
                        "application/pdf",
                        EvidenceFixtures.pdf("x")))
                .hasStatus(403);
        ApplicationId submitted = ApplicationId.of(applications.submitted("applicant"));
        long onFile = rows(submitted);
        assertThat(onFile).as("the evidence that made it complete").isEqualTo(3);
        assertThat(upload(
                        submitted,
                        "applicant",
                        DocumentType.OTHER,
                        "x.pdf",
                        "application/pdf",
                        EvidenceFixtures.pdf("x")))
                .hasStatus(409);
        assertThat(rows(submitted)).isEqualTo(onFile);
    }

    @Test
    void missingOrUnknownFieldsAre400() {
        assertThat(mvc.post()
                        .uri("/api/v1/applications/" + application + "/documents")
                        .with(DemoLogins.as(mvc, "applicant"))
                        .multipart()
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", EvidenceFixtures.pdf("x")))
                        .param("type", "PASSPORT")
                        .exchange())
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/api/v1/applications/" + application + "/documents")
                        .with(DemoLogins.as(mvc, "applicant"))
                        .multipart()
                        .param("type", "OTHER")
                        .exchange())
                .hasStatus(400);
    }

    private MvcTestResult upload(
            ApplicationId app, String user, DocumentType type, String filename, String contentType, byte[] content) {
        return mvc.post()
                .uri("/api/v1/applications/" + app + "/documents")
                .with(DemoLogins.as(mvc, user))
                .multipart()
                .file(new MockMultipartFile("file", filename, contentType, content))
                .param("type", type.name())
                .param("description", "test evidence")
                .accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    private String uploadPdf(ApplicationId app) throws Exception {
        MvcTestResult created = upload(
                app,
                "applicant",
                DocumentType.END_USER_CERTIFICATE,
                "certificate.pdf",
                "application/pdf",
                EvidenceFixtures.pdf("certificate " + UUID.randomUUID()));
        assertThat(created).hasStatus(201);
        return JsonPath.read(body(created), "$.id");
    }

    private long rows(ApplicationId app) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_document WHERE application_id = ?")
                .param(app.value())
                .query(Long.class)
                .single();
    }

    private OrganisationId organisation(OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .map(OrganisationProfile::id)
                .findFirst()
                .orElseThrow();
    }

    private CurrentUser applicantUser() {
        var member = identity.members(exporter, Role.APPLICANT).getFirst();
        return new CurrentUser(
                member.id(),
                member.username(),
                member.displayName(),
                exporter,
                "Demo Magnetics Co., Ltd.",
                OrganisationKind.EXPORTER,
                null,
                Set.of(Role.APPLICANT));
    }

    /** An applicant of another exporter, created through the admin API, with a real API token. */
    private String foreignApplicantToken() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult org = mvc.post()
                .uri("/api/v1/admin/organisations")
                .with(DemoLogins.as(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Other Magnets %s", "kind": "EXPORTER", "country": "CN", "region": "CN-JX"}""".formatted(suffix))
                .exchange();
        assertThat(org).hasStatus(201);
        String orgId = JsonPath.read(body(org), "$.id");
        String username = "other-" + suffix;
        assertThat(mvc.post()
                        .uri("/api/v1/admin/users")
                        .with(DemoLogins.as(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "%s", "displayName": "Other applicant", "organisationId": "%s",
                                 "roles": ["APPLICANT"], "password": "a long enough password"}""".formatted(username, orgId))
                        .exchange())
                .hasStatus(201);
        MvcTestResult token = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, DemoLogins.basic(username, "a long enough password"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"test\"}")
                .exchange();
        assertThat(token).hasStatus(201);
        return JsonPath.read(body(token), "$.token");
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
