package org.lodestone.licensing.invitation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.Browser;
import org.lodestone.support.HttpApi;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole of #6 in a real browser: the applicant invites the end user on the application page and copies the link;
 * the end user opens an account at the link, signs in, finds the case under My cases and uploads its end-user
 * certificate; the exporter sees the document locked (no link, no name); once submitted, the bureau's reviewer
 * downloads it.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvitationBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void inviteAcceptUploadSealedAndTheAuthorityReadsIt() throws Exception {
        var api = new HttpApi("http://localhost:" + port);
        String app = api.completeApplication("applicant");
        Path certificate = Files.createTempDirectory("sealed").resolve("end-user-certificate-signed.pdf");
        Files.write(certificate, EvidenceFixtures.pdf("signed by the end user"));
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "browser-password-" + username;

        try (var b = Browser.open(port)) {
            // ---- the applicant invites the end user and copies the link
            b.login("applicant", "demo");
            b.go("/applications/" + app);
            new Select(b.waitFor("#invitation-party")).selectByVisibleText("Antrieb AG (END_USER)");
            b.type("#invitation-email", "einkauf@antrieb.example");
            b.click("#invitation-form button[type=submit]");
            String link = b.waitFor("#invitation-link").getAttribute("value");
            assertThat(link).contains("/invitations/");
            assertThat(b.find("#invitation-table").getText())
                    .contains("PENDING")
                    .contains("einkauf@antrieb.example");

            // ---- the end user, not signed in, opens an account at the link
            b.driver().manage().deleteAllCookies();
            b.go(URI.create(link).getPath());
            assertThat(b.waitFor("#invitation-summary").getText())
                    .contains("Antrieb AG")
                    .contains("Demo Magnetics");
            assertThat(b.find("#acc-org").getAttribute("value")).isEqualTo("Antrieb AG");
            b.screenshot(Path.of("docs/images/invitation-landing.png"));
            b.find("#acc-org").clear();
            b.type("#acc-org", "Antrieb AG " + username);
            b.type("#acc-username", username);
            b.type("#acc-name", "Eva Einkauf");
            b.type("#acc-password", password);
            b.type("#acc-password2", password);
            b.click("#invitation-account button[type=submit]");
            assertThat(b.waitFor("#invitation-welcome").getText()).contains("open");

            // the link works once
            b.go(URI.create(link).getPath());
            assertThat(b.waitFor("#invitation-invalid").getText()).contains("not valid");

            // ---- signs in, finds the case, uploads sealed
            b.go("/contributions");
            b.type("input[name=username]", username);
            b.type("input[name=password]", password);
            b.click("button[type=submit]");
            assertThat(b.waitFor("#contributions-table").getText()).contains("Demo Magnetics");
            b.click("#contributions-table a");
            assertThat(b.waitFor("#own-parties").getText()).contains("Antrieb AG");
            assertThat(b.text()).doesNotContain("Motorenwerk").doesNotContain("Sintered NdFeB");
            new Select(b.find("#contribution-type")).selectByValue("END_USER_CERTIFICATE");
            b.find("#contribution-file").sendKeys(certificate.toString());
            b.click("#contribution-upload button[type=submit]");
            assertThat(b.waitFor("#own-documents-table").getText()).contains("end-user-certificate-signed.pdf");
            b.screenshot(Path.of("docs/images/my-case.png"));

            // ---- the exporter sees a lock, no name, no link
            b.driver().manage().deleteAllCookies();
            b.login("applicant", "demo");
            b.go("/applications/" + app);
            var locked = b.waitFor("#evidence-table .sealed-locked");
            assertThat(locked.getText()).contains("Sealed by the foreign party");
            assertThat(locked.findElements(By.tagName("a"))).isEmpty();
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", locked);
            b.screenshot(Path.of("docs/images/sealed-evidence.png"));
            assertThat(b.find("#evidence-table").getText()).doesNotContain("end-user-certificate-signed.pdf");
            assertThat(b.find("#invitation-table").getText()).contains("ACCEPTED");

            // ---- submitted: the bureau's reviewer sees the name and downloads the content
            api.post("applicant", "/api/v1/applications/" + app + "/submit", "").expect(200);
            List<String> sealed = api.get("applicant", "/api/v1/applications/" + app + "/documents")
                    .read("$[?(@.sealed == true)].id");
            assertThat(sealed).hasSize(1);
            b.driver().manage().deleteAllCookies();
            b.login("reviewer", "demo");
            b.go("/applications/" + app);
            assertThat(b.waitFor("#evidence-table").getText()).contains("end-user-certificate-signed.pdf");
            var download = api.get("reviewer", "/api/v1/documents/" + sealed.getFirst() + "/content?purpose=" + app);
            assertThat(download.status()).isEqualTo(200);
            assertThat(new String(download.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .startsWith("%PDF");
            assertThat(api.get("applicant", "/api/v1/documents/" + sealed.getFirst() + "/content?purpose=" + app)
                            .status())
                    .isEqualTo(403);
        }
    }
}
