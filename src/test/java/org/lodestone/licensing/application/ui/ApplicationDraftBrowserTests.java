package org.lodestone.licensing.application.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The applicant drafts an application in a real browser: a party, an item, and the completeness panel (#3). */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationDraftBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void applicantCreatesADraftAddsAPartyAndAnItemAndSeesWhatIsMissing() {
        try (var b = Browser.open(port)) {
            b.login("applicant", "demo");
            b.go("/applications/new");
            b.click("#create-application button[type=submit]");
            assertThat(URI.create(b.url()).getPath()).startsWith("/applications/");
            assertThat(b.waitFor("#state").getText()).isEqualTo("DRAFT");
            assertThat(b.find("#reference").getText()).matches("LA-\\d{4}-\\d{6}");
            // the evidence list and its upload form are part of a draft's page
            assertThat(b.find("#evidence-documents").getText()).contains("No evidence documents yet.");
            assertThat(b.find("#evidence-upload").getAttribute("enctype")).isEqualTo("multipart/form-data");

            new Select(b.find("#party-role")).selectByValue("END_USER");
            b.type("#party-name", "Antrieb <AG>");
            b.type("#party-country", "de");
            b.type("#party-address", "Werkstr. 5, Stuttgart");
            b.click("#party-submit");
            assertThat(b.waitFor("#party-table").getText())
                    .contains("Antrieb <AG>")
                    .contains("DE");

            b.type("#item-entry", "1C905.a");
            new Select(b.find("#item-form-select")).selectByValue("MAGNET");
            b.type("#item-description", "Sintered NdFeB magnet");
            b.type("#item-quantity", "1200");
            b.type("#item-value", "85.5");
            b.type("#item-currency", "EUR");
            b.click("#item-submit");
            assertThat(b.waitFor("#item-table").getText()).contains("1C905.a").contains("1200 kg");

            String missing = b.waitFor("#missing").getText();
            assertThat(missing)
                    .contains("end-user certificate missing for END_USER 'Antrieb <AG>'")
                    .contains("no production-line evidence for item 1")
                    .contains("no CONSIGNEE party");
            assertThat(b.find("#submit-button").isEnabled()).isFalse();

            // a bad quantity is shown next to the field, and nothing is added
            b.click("#items details summary");
            b.type("#item-entry", "dy-oxide");
            new Select(b.find("#item-form-select")).selectByValue("OXIDE");
            b.type("#item-description", "Dysprosium oxide");
            b.type("#item-quantity", "-3");
            b.type("#item-value", "300");
            b.type("#item-currency", "USD");
            b.click("#item-submit");
            assertThat(b.waitFor("#item-form .field-error").getText()).contains("greater than 0");
            assertThat(b.find("#item-table").getText()).doesNotContain("Dysprosium oxide");

            b.go("/applications");
            assertThat(b.waitFor("#applications").getText()).contains("DRAFT");
        }
    }
}
