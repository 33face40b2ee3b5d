package org.lodestone.licensing.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole review story in real headless Chromium (#3): the applicant drafts, files evidence and submits; the reviewer
 * finds the case in the queue, takes it and asks for an end-user certificate; the applicant uploads and answers; the
 * reviewer proposes approval; the supervisor countersigns; the applicant downloads the certificate, whose QR code opens
 * the public verification page. Saves the queue and case screenshots of the user guide.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewStoryBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void fromDraftToAVerifiedLicenceThroughTheReviewPages() throws Exception {
        Path pdf = Files.createTempFile("evidence", ".pdf");
        Files.write(pdf, EvidenceFixtures.pdf("browser evidence"));
        Path euc = Files.createTempDirectory("euc").resolve("signed-end-user-certificate.pdf");
        Files.write(euc, EvidenceFixtures.pdf("signed end-user certificate"));
        Path photo = Files.createTempFile("photo", ".png");
        Files.write(photo, EvidenceFixtures.image("png"));

        try (var b = Browser.open(port)) {
            // ---- the applicant drafts and submits
            b.login("applicant", "demo");
            b.go("/applications/new");
            b.click("#create-application button[type=submit]");
            assertThat(b.waitFor("#state").getText()).isEqualTo("DRAFT");
            String application = URI.create(b.url()).getPath();
            String reference = b.find("#reference").getText();

            addParty(b, "CONSIGNEE", "Motorenwerk GmbH", "Industriestr. 1, 80331 München");
            b.click("#parties details summary");
            addParty(b, "END_USER", "Antrieb AG", "Werkstr. 5, Stuttgart");
            String endUser = partyId(b, "END_USER");

            b.type("#item-entry", "1C905.a");
            new Select(b.find("#item-form-select")).selectByValue("MAGNET");
            b.type("#item-description", "Sintered NdFeB magnet, Dy grade");
            b.type("#item-quantity", "1200");
            b.type("#item-value", "85.5");
            b.type("#item-currency", "EUR");
            var symbols = b.driver().findElements(By.cssSelector("#item-form input[name=symbol]"));
            var percents = b.driver().findElements(By.cssSelector("#item-form input[name=percent]"));
            String[][] content = {{"Nd", "29.5"}, {"Dy", "4.5"}, {"Fe", "64"}, {"B", "1"}};
            for (int i = 0; i < content.length; i++) {
                symbols.get(i).sendKeys(content[i][0]);
                percents.get(i).sendKeys(content[i][1]);
            }
            b.type("#item-form input[name=hsCode]", "8505111000");
            b.click("#item-submit");
            String item = b.waitFor("#item-table tbody tr").getAttribute("id").substring("item-".length());

            new Select(b.find("#sector")).selectByValue("EV_TRACTION_MOTORS");
            b.type("#finalProduct", "Traction motor TM-400");
            b.type("#statement", "Magnets are built into traction motors for passenger cars.");
            b.type("textarea[name=productionDescription]", "Sintering, machining and coating in our Ganzhou plant");
            b.type("textarea[name=productionProcess]", "Strip casting, jet milling, pressing, sintering");
            b.type("input[name=productionSite]", "Ganzhou, Jiangxi");
            date(b, "input[name=since]", "2019-03-01");
            b.type("input[name=volumeYear]", "2024");
            b.type("input[name=volumeQuantity]", "8");
            new Select(b.find("select[name=volumeUnit]")).selectByValue("t");
            b.type("input[name=volumeValue]", "640000");
            b.type("input[name=volumeCurrency]", "EUR");
            b.click("input[name=accuracy]");
            b.click("input[name=endUseUndertaking]");
            b.click("input[name=noReExportWithoutConsent]");
            b.type("input[name=signatoryName]", "Li Na");
            date(b, "input[name=signedOn]", "2026-01-15");
            b.click("#details-submit");
            b.waitFor("#notice");

            upload(b, application, "END_USER_CERTIFICATE", pdf, endUser, null);
            upload(b, application, "PRODUCT_PHOTO", photo, null, item);
            upload(b, application, "CUSTOMER_ORDER", pdf, null, null);
            b.go(application);
            var missing = b.driver().findElements(By.id("missing"));
            assertThat(missing)
                    .as(missing.isEmpty() ? "" : missing.getFirst().getText())
                    .isEmpty();
            assertThat(b.waitFor("#complete-message").getText()).contains("Nothing is missing");
            b.click("#submit-button");
            assertThat(b.waitFor("#state").getText()).isEqualTo("SUBMITTED");
            assertThat(b.find("#review-clock").getText()).contains("of 45 working days used");

            // ---- the reviewer finds it in the queue, takes it and asks for an end-user certificate
            switchUser(b, "reviewer");
            b.click("#nav-review");
            b.waitFor("#queue-filter");
            b.type("#filter-text", reference);
            b.click("#filter-submit");
            assertThat(rowText(b, reference))
                    .contains("Demo Magnetics")
                    .contains("DE")
                    .contains("SUBMITTED");
            assertThat(b.url()).contains("q=" + reference); // htmx pushed the filter into the address
            b.type("#filter-text", "");
            new Select(b.find("#filter-assignee")).selectByValue("none");
            b.click("#filter-submit");
            assertThat(rowText(b, reference)).contains("SUBMITTED");
            b.driver()
                    .executeScript(
                            "document.getElementById('queue-results').scrollIntoView(); window.scrollBy(0, -180)");
            b.screenshot(Path.of("docs/images/review-queue.png"));
            b.go("/review?q=" + reference); // the same filter without JavaScript's swaps: a plain page
            b.waitFor("tr[data-reference='" + reference + "'] a").click();

            b.waitFor("#take-button").click();
            assertThat(b.waitFor("#notice").getText()).contains("assigned to reviewer");
            assertThat(b.find("#assignee").getText()).contains("Wang Wei");
            b.click("#review-request summary");
            b.type("#request-message", "Please send the end-user certificate signed by Antrieb AG.");
            new Select(b.find("#request-kind-1")).selectByValue("DOCUMENT");
            new Select(b.find("#request-type-1")).selectByValue("END_USER_CERTIFICATE");
            new Select(b.find("#request-target-1")).selectByValue(endUser);
            b.type("#request-question-1", "Signed end-user certificate");
            b.click("#request-submit");
            assertThat(b.waitFor("#notice").getText()).contains("Information request #1 sent");
            assertThat(b.find("#clock-paused").isDisplayed()).isTrue();

            // ---- the applicant uploads the certificate and answers
            switchUser(b, "applicant");
            upload(b, application, "END_USER_CERTIFICATE", euc, endUser, null);
            b.go(application);
            assertThat(b.waitFor("#request-1").getText())
                    .contains("Please send the end-user certificate signed by Antrieb AG.")
                    .contains("END_USER Antrieb AG");
            assertThat(b.find("#review").getText())
                    .doesNotContain("Internal notes")
                    .doesNotContain("Wang Wei");
            new Select(b.find("#documents-1"))
                    .selectByVisibleText("signed-end-user-certificate.pdf (END_USER_CERTIFICATE)");
            b.type("#text-1", "Signed certificate attached.");
            b.click("#response-submit");
            assertThat(b.waitFor("#notice").getText()).contains("answer to request #1 was sent");
            assertThat(b.find("#state").getText()).isEqualTo("IN_REVIEW");

            // ---- the reviewer proposes approval
            switchUser(b, "reviewer");
            b.go(application);
            assertThat(b.waitFor("#request-1").getText()).contains("signed-end-user-certificate.pdf");
            b.type("#note-body", "Certificate checked against the <registry>.");
            b.click("#note-submit");
            assertThat(b.waitFor("#review-notes").getText()).contains("Certificate checked against the <registry>.");
            b.driver().executeScript("document.getElementById('review').scrollIntoView()");
            b.screenshot(Path.of("docs/images/review-case.png"));
            b.click("#review-decide details summary");
            b.type("#propose-conditions", "Report arrival within 30 days");
            b.click("#propose-submit");
            assertThat(b.waitFor("#notice").getText()).contains("Approval proposed");

            // ---- the supervisor countersigns
            switchUser(b, "supervisor");
            b.go(application);
            b.waitFor("#countersign-button").click();
            assertThat(b.waitFor("#notice").getText()).contains("Countersigned: licence");

            // ---- the applicant downloads the certificate and verifies it through its QR code
            switchUser(b, "applicant");
            b.go(application);
            assertThat(b.waitFor("#state").getText()).isEqualTo("APPROVED");
            b.waitFor("#licence-link").click();
            String certificate = b.waitFor("#download-certificate").getAttribute("href");
            byte[] bytes = download(b, certificate);
            assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            String url;
            try (var doc = Loader.loadPDF(bytes)) {
                url = decodeQr(new PDFRenderer(doc).renderImageWithDPI(0, 200));
            }
            URI verification = URI.create(url);
            assertThat(verification.getPath()).startsWith("/verify/");
            b.go(verification.getRawPath() + "?" + verification.getRawQuery());
            assertThat(b.waitFor("#verdict").getText()).isEqualTo("Valid licence");
        }
    }

    /** The queue row's text once htmx has settled (a change and a submit may each swap the results). */
    private static String rowText(Browser b, String reference) {
        return new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> {
                    String text = d.findElement(By.cssSelector("tr[data-reference='" + reference + "']"))
                            .getText();
                    return text.isBlank() ? null : text;
                });
    }

    private static void addParty(Browser b, String role, String name, String address) {
        new Select(b.waitFor("#party-role")).selectByValue(role);
        b.type("#party-name", name);
        b.type("#party-country", "DE");
        b.type("#party-address", address);
        if (role.equals("CONSIGNEE")) {
            b.type("#party-form input[name=identifierType]", "HRB");
            b.type("#party-form input[name=identifierValue]", "HRB 123456");
        }
        b.click("#party-submit");
        b.waitFor("#party-table");
    }

    private static String partyId(Browser b, String role) {
        for (WebElement tr : b.driver().findElements(By.cssSelector("#party-table tbody tr"))) {
            if (tr.getText().contains(role)) {
                return tr.getAttribute("id").substring("party-".length());
            }
        }
        throw new AssertionError("no " + role + " party");
    }

    private static void date(Browser b, String css, String isoDate) {
        b.driver().executeScript("arguments[0].value = arguments[1]", b.find(css), isoDate);
    }

    private static void upload(Browser b, String application, String type, Path file, String party, String item) {
        b.go(application + "/documents");
        new Select(b.waitFor("#evidence-type")).selectByValue(type);
        b.find("#evidence-file").sendKeys(file.toAbsolutePath().toString());
        if (party != null) {
            b.type("#evidence-party", party);
        }
        if (item != null) {
            b.type("#evidence-item", item);
        }
        b.click("#evidence-upload button[type=submit]");
        b.waitFor("#evidence-table");
    }

    /** Signs out by forgetting the session cookie, then signs in through the login form. */
    private static void switchUser(Browser b, String username) {
        b.driver().manage().deleteAllCookies();
        b.login(username, "demo");
        b.waitFor("header nav");
    }

    /** Fetches a link with the browser's session cookies, as the browser's own download would. */
    private static byte[] download(Browser b, String href) throws Exception {
        String cookies = b.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(href))
                            .header("Cookie", cookies)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
            return response.body();
        }
    }

    private static String decodeQr(BufferedImage image) throws Exception {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
