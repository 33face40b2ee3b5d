package org.lodestone.licensing.transparency.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.support.Browser;
import org.lodestone.support.HttpApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Access transparency in real headless Chromium (#6): a reviewer opening a document from outside its case is asked
 * for the case and gets it; the applicant's access log shows who read what and why; a reviewer requests a data export
 * and a supervisor approves it through the page forms (real CSRF tokens). Saves the user guide's screenshots.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransparencyBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void purposeAccessLogAndExportApproval() {
        var api = new HttpApi("http://127.0.0.1:" + port);
        String app =
                api.post("applicant", "/api/v1/applications", "{}").expect(201).read("$.id");
        api.post("applicant", "/api/v1/applications/" + app + "/parties", ApplicationFixtures.CONSIGNEE)
                .expect(201);
        String endUser = api.post("applicant", "/api/v1/applications/" + app + "/parties", ApplicationFixtures.END_USER)
                .expect(201)
                .read("$.id");
        String item = api.post("applicant", "/api/v1/applications/" + app + "/items", ApplicationFixtures.MAGNET_ITEM)
                .expect(201)
                .read("$.id");
        long version =
                ((Number) api.get("applicant", "/api/v1/applications/" + app).read("$.version")).longValue();
        api.put("applicant", "/api/v1/applications/" + app, ApplicationFixtures.DETAILS.formatted(version), version)
                .expect(200);
        String certificate = api.upload("applicant", app, DocumentType.END_USER_CERTIFICATE, endUser, null);
        api.upload("applicant", app, DocumentType.PRODUCT_PHOTO, null, item);
        api.upload("applicant", app, DocumentType.CUSTOMER_ORDER, null, null);
        api.post("applicant", "/api/v1/applications/" + app + "/submit", "{}").expect(200);
        String reference = api.get("applicant", "/api/v1/applications/" + app).read("$.reference");

        try (var b = Browser.open(port)) {
            b.login("reviewer", "demo");
            b.go("/documents/" + certificate + "/content");
            b.waitFor("#purpose-form");
            b.type("#purpose-case", "LA-0000-000000");
            b.click("#purpose-form button[type=submit]");
            assertThat(b.waitFor("#purpose-form .error").getText()).contains("is not the case");
            b.screenshot(Path.of("docs/images/purpose.png"));
            b.find("#purpose-case").clear();
            b.type("#purpose-case", reference);
            b.type("#purpose-reason", "checking the end user");
            b.click("#purpose-form button[type=submit]"); // the browser downloads the watermarked copy

            String today = LocalDate.now(ZoneOffset.UTC).toString();
            // the download the form started can swallow the next navigation (seen once in CI): go again if so
            b.go("/data-exports");
            try {
                b.waitFor("#export-from");
            } catch (org.openqa.selenium.TimeoutException swallowed) {
                b.go("/data-exports");
                b.waitFor("#export-from");
            }
            date(b, "#export-from", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString());
            date(b, "#export-to", today);
            b.type("#export-reason", "Quarterly review of the magnet exports");
            b.click("#data-export-request button[type=submit]");
            assertThat(b.waitFor("#data-export-table").getText()).contains("PENDING");
        }
        try (var b = Browser.open(port)) {
            b.login("supervisor", "demo");
            b.go("/data-exports");
            var reason = b.waitFor("#data-export-table input[name=reason]");
            reason.sendKeys("Within the review mandate");
            b.click("#data-export-table button[value=APPROVED]");
            assertThat(b.waitFor("#data-export-table").getText()).contains("APPROVED");
            assertThat(b.text()).doesNotContain("{0}");
            b.driver().executeScript("document.getElementById('data-export-table').scrollIntoView()");
            b.screenshot(Path.of("docs/images/data-exports.png"));
        }
        try (var b = Browser.open(port)) {
            b.login("applicant", "demo");
            b.go("/access-log?application=" + app);
            String log = b.waitFor("#access-log-table").getText();
            assertThat(log)
                    .contains("Wang Wei (Reviewer)")
                    .contains(reference)
                    .contains("END_USER_CERTIFICATE")
                    .contains("checking the end user")
                    .doesNotContain("end_user_certificate.pdf");
            assertThat(b.find("#log-application").getAttribute("value")).isEqualTo(app);
            b.driver().executeScript("document.getElementById('access-log-filter').scrollIntoView()");
            b.screenshot(Path.of("docs/images/access-log.png"));
        }
        assertThat(api.get("reviewer", "/api/v1/data-exports").body()).contains("APPROVED");
    }

    private static void date(Browser b, String css, String isoDate) {
        b.driver().executeScript("arguments[0].value = arguments[1]", b.find(css), isoDate);
    }
}
