package org.lodestone.licensing.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.Licences;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Licences over the API, end to end on the shared demo context (#3): issue through the facade, need-to-know, depletion
 * (exact, over, repeated reference, converted units), status changes with optimistic locking, the certificate PDF and
 * its QR code, public verification that reveals nothing confidential.
 */
@IntegrationTest
class LicenceApiTests {

    private static final Pattern QR_URL =
            Pattern.compile("^http://localhost:\\d+/verify/([A-Z0-9-]+)\\?code=([0-9A-Z]{12})$");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Licences licences;

    @Autowired
    Identity identity;

    @Autowired
    AuditTrail audit;

    LicenceFixtures fixtures;
    Licence licence;
    String n;

    @BeforeEach
    void issue() {
        fixtures = new LicenceFixtures(mvc, licences, identity);
        licence = fixtures.issueDemo();
        n = licence.number().value();
    }

    @Test
    void issuedLicenceIsListedAndReadByHolderAndIssuingStaff() {
        assertThat(n).matches("CN-EX-\\d{4}-\\d{6}");
        assertThat(licence.validTo()).isEqualTo(licence.validFrom().plusYears(1).minusDays(1));
        assertThat(get("/api/v1/licences", "applicant"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].number")
                .asList()
                .contains(n);
        MvcTestResult read = get("/api/v1/licences/" + n, "applicant");
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("ISSUED");
        assertThat(read).bodyJson().extractingPath("$.holder").isEqualTo(LicenceFixtures.EXPORTER);
        assertThat(read).bodyJson().extractingPath("$.lines[0].remaining.value").isEqualTo(500);
        assertThat(LicenceFixtures.body(read)).doesNotContain(checkCode());
        assertThat(get("/api/v1/licences/" + n, "supervisor")).hasStatusOk();
        assertThat(get("/api/v1/licences/" + n, "enforcement")).hasStatusOk();
        assertThat(get("/api/v1/licences/" + n, "consignee")).hasStatus(404);
        assertThat(get("/api/v1/licences", "consignee"))
                .bodyJson()
                .extractingPath("$[*].number")
                .asList()
                .doesNotContain(n);

        List<AuditEntry> trail = audit.find(new AuditQuery("LICENCE", n, null, null, null, 10));
        assertThat(trail).extracting(AuditEntry::action).contains("LICENCE_ISSUED");
    }

    @Test
    void issuingTwiceForTheSameApplicationReturnsTheFirstLicence() {
        var again = licences.issue(
                LicenceFixtures.command(licence.holder(), licence.issuingAuthority(), BigDecimal.TEN, BigDecimal.TEN));
        assertThat(again.number()).isNotEqualTo(licence.number());
        var command =
                LicenceFixtures.command(licence.holder(), licence.issuingAuthority(), BigDecimal.ONE, BigDecimal.ONE);
        var first = licences.issue(command);
        assertThat(licences.issue(command).number()).isEqualTo(first.number());
    }

    @Test
    void anotherExportersUserGets404() {
        var org = fixtures.createOrganisation("EXPORTER", "CN-GD", "");
        String token = fixtures.token(fixtures.createUser(org, "APPLICANT"));
        var read = mvc.get()
                .uri("/api/v1/licences/" + n)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
        assertThat(read).hasStatus(404);
        var unknown = mvc.get()
                .uri("/api/v1/licences/CN-EX-2020-999999")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
        assertThat(withoutRequestId(LicenceFixtures.body(read).replace(n, "X")))
                .isEqualTo(withoutRequestId(LicenceFixtures.body(unknown).replace("CN-EX-2020-999999", "X")));
        var ship = mvc.post()
                .uri("/api/v1/licences/" + n + "/shipments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(shipment("R-1", 1, "10", "kg"))
                .exchange();
        assertThat(ship).hasStatus(404);
        assertThat(mvc.get()
                        .uri("/api/v1/licences")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange())
                .bodyJson()
                .extractingPath("$")
                .asList()
                .isEmpty();
    }

    @Test
    void shipmentDepletesAndIsListed() {
        MvcTestResult shipped = ship("CUS-100", 1, "100", "kg");
        assertThat(shipped).hasStatus(201);
        assertThat(shipped)
                .bodyJson()
                .extractingPath("$.lines[0].depleted.value")
                .isEqualTo(100);
        // 0.025 t = 25 kg: converted into the line's unit
        assertThat(ship("CUS-101", 2, "0.025", "t")).hasStatus(201);
        MvcTestResult read = get("/api/v1/licences/" + n, "applicant");
        assertThat(read).bodyJson().extractingPath("$.lines[0].remaining.value").isEqualTo(400);
        assertThat(read).bodyJson().extractingPath("$.lines[1].remaining.value").isEqualTo(25);
        assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("ISSUED");
        assertThat(get("/api/v1/licences/" + n + "/shipments", "reviewer"))
                .bodyJson()
                .extractingPath("$[*].reference")
                .asList()
                .containsExactly("CUS-100", "CUS-101");
        assertThat(audit.find(new AuditQuery("SHIPMENT", null, "applicant", null, null, 50)))
                .extracting(AuditEntry::detail)
                .anyMatch(d -> d != null && d.contains(n) && d.contains("CUS-100"));
    }

    @Test
    void exactDepletionToZeroExhaustsTheLicence() {
        assertThat(ship("ALL-1", 1, "500000", "g")).hasStatus(201);
        assertThat(get("/api/v1/licences/" + n, "applicant"))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ISSUED");
        assertThat(ship("ALL-2", 2, "50", "kg")).hasStatus(201);
        MvcTestResult read = get("/api/v1/licences/" + n, "applicant");
        assertThat(read).bodyJson().extractingPath("$.status").isEqualTo("EXHAUSTED");
        assertThat(read).bodyJson().extractingPath("$.lines[1].remaining.value").isEqualTo(0);
        assertThat(audit.find(new AuditQuery("LICENCE", n, null, null, null, 10)))
                .extracting(AuditEntry::action)
                .contains("LICENCE_EXHAUSTED");
        MvcTestResult more = ship("ALL-3", 1, "1", "g");
        assertThat(more).hasStatus(409);
        assertThat(more).bodyJson().extractingPath("$.detail").asString().contains("EXHAUSTED");
    }

    @Test
    void overDepletionIsRefusedNamingTheLineAndNothingIsTaken() {
        MvcTestResult over = postShipment("""
                {"shipmentDate": "%s", "reference": "OVER-1",
                 "lines": [{"line": 1, "quantity": {"value": 10, "unit": "kg"}},
                           {"line": 2, "quantity": {"value": 50.5, "unit": "kg"}}]}""".formatted(licence.validFrom()), "applicant");
        assertThat(over).hasStatus(409);
        assertThat(over).bodyJson().extractingPath("$.line").isEqualTo(2);
        assertThat(over).bodyJson().extractingPath("$.remaining").isEqualTo("50");
        assertThat(over).bodyJson().extractingPath("$.requested").isEqualTo("50.5");
        assertThat(over)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("Line 2")
                .contains("50 kg left")
                .contains("50.5 kg");
        // all-or-nothing: line 1 was not depleted either
        assertThat(get("/api/v1/licences/" + n, "applicant"))
                .bodyJson()
                .extractingPath("$.lines[0].remaining.value")
                .isEqualTo(500);
        assertThat(get("/api/v1/licences/" + n + "/shipments", "applicant"))
                .bodyJson()
                .extractingPath("$")
                .asList()
                .isEmpty();
    }

    @Test
    void sameReferenceTwiceRecordsOneShipment() {
        MvcTestResult first = ship("DUP-1", 1, "10", "kg");
        MvcTestResult second = ship("DUP-1", 1, "10", "kg");
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(200);
        assertThat(JsonPath.<String>read(LicenceFixtures.body(second), "$.id"))
                .isEqualTo(JsonPath.read(LicenceFixtures.body(first), "$.id"));
        assertThat(get("/api/v1/licences/" + n, "applicant"))
                .bodyJson()
                .extractingPath("$.lines[0].remaining.value")
                .isEqualTo(490);
        assertThat(get("/api/v1/licences/" + n + "/shipments", "applicant"))
                .bodyJson()
                .extractingPath("$")
                .asList()
                .hasSize(1);
    }

    @Test
    void badShipmentsAre422WithTheField() {
        assertThat(ship("BAD-1", 1, "0", "kg"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("lines[0].quantity.value");
        assertThat(ship("BAD-2", 1, "-5", "kg")).hasStatus(422);
        assertThat(ship("BAD-3", 9, "5", "kg"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].reason")
                .asString()
                .contains("no line 9");
        assertThat(ship("BAD-4", 1, "5", "pcs")).hasStatus(422);
        assertThat(postShipment("{\"reference\": \"X\", \"lines\": []}", "applicant"))
                .hasStatus(422);
        assertThat(postShipment("{\"reference\": \"X\", \"colour\": \"red\"}", "applicant"))
                .hasStatus(400);
    }

    @Test
    void onlyTheHoldersApplicantRecordsShipments() {
        assertThat(postShipment(shipment("S-1", 1, "1", "kg"), "supervisor")).hasStatus(403);
        assertThat(postShipment(shipment("S-1", 1, "1", "kg"), "enforcement")).hasStatus(403);
        assertThat(postShipment(shipment("S-1", 1, "1", "kg"), "consignee")).hasStatus(404);
    }

    @Test
    void statusTransitionsWithOptimisticLocking() {
        assertThat(status("SUSPENDED", "end-user check pending", 0, "reviewer")).hasStatus(403);
        assertThat(status("SUSPENDED", "end-user check pending", 0, "applicant"))
                .hasStatus(403);
        assertThat(status("SUSPENDED", "", 0, "supervisor")).hasStatus(422);

        MvcTestResult suspended = status("SUSPENDED", "end-user check pending", 0, "supervisor");
        assertThat(suspended)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("SUSPENDED");
        assertThat(suspended).bodyJson().extractingPath("$.version").isEqualTo(1);

        MvcTestResult shipWhileSuspended = ship("SUS-1", 1, "1", "kg");
        assertThat(shipWhileSuspended).hasStatus(409);
        assertThat(shipWhileSuspended)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("SUSPENDED");

        assertThat(status("SUSPENDED", "again", 1, "supervisor"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("cannot change from SUSPENDED to SUSPENDED");
        MvcTestResult stale = status("ISSUED", "cleared", 0, "supervisor");
        assertThat(stale)
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("version 1, not 0");
        assertThat(status("ISSUED", "cleared", 1, "supervisor"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ISSUED");
        assertThat(ship("SUS-2", 1, "1", "kg")).hasStatus(201);
        assertThat(status("REVOKED", "false end-use statement", 2, "supervisor"))
                .hasStatusOk();
        assertThat(status("ISSUED", "oops", 3, "supervisor"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("REVOKED, which is final");
        assertThat(ship("SUS-3", 1, "1", "kg")).hasStatus(409);
        assertThat(audit.find(new AuditQuery("LICENCE", n, null, null, null, 20)))
                .extracting(AuditEntry::action)
                .contains("LICENCE_SUSPENDED", "LICENCE_REINSTATED", "LICENCE_REVOKED");
    }

    @Test
    void certificateIsAPdfWithTheNumberAndAQrCodeToTheVerificationPage() throws Exception {
        MvcTestResult result = get("/api/v1/licences/" + n + "/certificate.pdf", "applicant");
        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        byte[] pdf = result.getResponse().getContentAsByteArray();
        String url;
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            n,
                            LicenceFixtures.EXPORTER,
                            "Secret Motorenwerk GmbH",
                            "Dysprosium oxide",
                            "No re-export without consent.",
                            licence.validTo().toString());
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            url = decodeQr(page);
        }
        Matcher m = QR_URL.matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        assertThat(m.group(1)).isEqualTo(n);
        assertThat(m.group(2)).isEqualTo(checkCode());
        assertThat(get("/api/v1/licences/" + n + "/certificate.pdf", "supervisor"))
                .hasStatusOk();
        assertThat(get("/api/v1/licences/" + n + "/certificate.pdf", "enforcement"))
                .hasStatus(403);
        assertThat(get("/api/v1/licences/" + n + "/certificate.pdf", "consignee"))
                .hasStatus(404);

        // the QR code's URL opens the public page, which confirms the licence and shows nothing confidential
        MvcTestResult page =
                mvc.get().uri(url.replaceFirst("^http://localhost:\\d+", "")).exchange();
        assertThat(page).hasStatusOk();
        String html = LicenceFixtures.body(page);
        assertThat(html)
                .contains(
                        "Valid licence",
                        n,
                        "ISSUED",
                        LicenceFixtures.BUREAU,
                        LicenceFixtures.EXPORTER,
                        licence.validTo().toString());
        assertThat(html).doesNotContain("Secret Motorenwerk", "Hidden End User", "Dysprosium", "500", "285");
    }

    @Test
    void wrongCodeAndUnknownNumberCannotBeVerifiedAlike() {
        String wrong = LicenceFixtures.body(
                mvc.get().uri("/verify/" + n + "?code=AAAAAAAAAAAA").exchange());
        String unknown = LicenceFixtures.body(
                mvc.get().uri("/verify/CN-EX-2020-999999?code=AAAAAAAAAAAA").exchange());
        assertThat(wrong).contains("cannot be verified").doesNotContain("ISSUED", LicenceFixtures.EXPORTER);
        assertThat(unknown).contains("cannot be verified");
        // a typed code in lower case with dashes is still the code
        String code = checkCode();
        String typed = (code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8)).toLowerCase();
        assertThat(LicenceFixtures.body(
                        mvc.get().uri("/verify/" + n + "?code=" + typed).exchange()))
                .contains("Valid licence");

        MvcTestResult json =
                mvc.get().uri("/api/v1/verify/" + n + "?code=AAAAAAAAAAAA").exchange();
        assertThat(json).hasStatusOk();
        assertThat(LicenceFixtures.body(json)).isEqualTo("{\"verified\":false,\"valid\":false}");
        MvcTestResult ok =
                mvc.get().uri("/api/v1/verify/" + n + "?code=" + code).exchange();
        assertThat(ok).bodyJson().extractingPath("$.valid").isEqualTo(true);
        assertThat(ok).bodyJson().extractingPath("$.holder").isEqualTo(LicenceFixtures.EXPORTER);
        assertThat(LicenceFixtures.body(ok)).doesNotContain("Secret", "500");
        assertThat(audit.find(new AuditQuery("LICENCE", n, "anonymous", null, null, 20)))
                .extracting(AuditEntry::action, AuditEntry::outcome)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "LICENCE_VERIFIED", org.lodestone.audit.AuditRecord.Outcome.FAILURE),
                        org.assertj.core.groups.Tuple.tuple(
                                "LICENCE_VERIFIED", org.lodestone.audit.AuditRecord.Outcome.SUCCESS));
    }

    @Test
    void suspendedLicenceVerifiesAsGenuineButNotValid() {
        licences.changeStatus(licence.number(), LicenceStatus.SUSPENDED, "investigation", 0);
        String html = LicenceFixtures.body(
                mvc.get().uri("/verify/" + n + "?code=" + checkCode()).exchange());
        assertThat(html).contains("NOT valid", "SUSPENDED").doesNotContain("Valid licence");
    }

    @Test
    void verificationIsRateLimitedPerAddress() {
        // 60 per minute, refilled continuously: well over 60 quick requests must run into the limit
        MvcTestResult last = null;
        for (int i = 0; i < 100 && (last == null || last.getResponse().getStatus() != 429); i++) {
            last = mvc.get()
                    .uri("/api/v1/verify/" + n + "?code=X")
                    .with(request -> {
                        request.setRemoteAddr("10.77.0." + 7);
                        return request;
                    })
                    .exchange();
        }
        assertThat(last).hasStatus(429);
        assertThat(last.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(mvc.get()
                        .uri("/verify/" + n)
                        .with(request -> {
                            request.setRemoteAddr("10.77.0.7");
                            return request;
                        })
                        .exchange())
                .hasStatus(429);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String withoutRequestId(String json) {
        return json.replaceAll("\"requestId\":\"[^\"]*\"", "");
    }

    private String checkCode() {
        return ((LicenceLedger) licences).checkCode(licence.number());
    }

    private static String decodeQr(BufferedImage image) throws NotFoundException, Exception {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }

    private MvcTestResult get(String path, String user) {
        return mvc.get().uri(path).with(DemoLogins.as(mvc, user)).exchange();
    }

    private String shipment(String reference, int line, String value, String unit) {
        return """
                {"shipmentDate": "%s", "reference": "%s", "lines": [{"line": %d, "quantity": {"value": %s, "unit": "%s"}}]}""".formatted(licence.validFrom(), reference, line, value, unit);
    }

    private MvcTestResult ship(String reference, int line, String value, String unit) {
        return postShipment(shipment(reference, line, value, unit), "applicant");
    }

    private MvcTestResult postShipment(String body, String user) {
        return mvc.post()
                .uri("/api/v1/licences/" + n + "/shipments")
                .with(DemoLogins.as(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult status(String status, String reason, long version, String user) {
        return mvc.post()
                .uri("/api/v1/licences/" + n + "/status")
                .with(DemoLogins.as(mvc, user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"status": "%s", "reason": "%s", "version": %d}""".formatted(status, reason, version))
                .exchange();
    }
}
