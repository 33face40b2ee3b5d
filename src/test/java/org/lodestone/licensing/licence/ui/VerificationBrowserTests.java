package org.lodestone.licensing.licence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.licence.DemoLicences;
import org.lodestone.licensing.licence.LicenceLedger;
import org.lodestone.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo licence in real headless Chromium (#3): its verification page says "valid" without any confidential detail,
 * a wrong code cannot be verified, and the holder's applicant records a shipment through the licence page.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    LicenceLedger ledger;

    @Test
    void demoLicenceVerifiesAsValidAndShowsNothingConfidential() {
        Licence demo = DemoLicences.demo(ledger);
        String code = ledger.checkCode(demo.number());
        try (var b = Browser.open(port)) {
            b.go("/verify/" + demo.number() + "?code=" + code);
            assertThat(b.waitFor("#verdict").getText()).isEqualTo("Valid licence");
            assertThat(b.find("#verified-number").getText())
                    .isEqualTo(demo.number().value());
            assertThat(b.find("#verified-status").getText()).isEqualTo("ISSUED");
            assertThat(b.text())
                    .contains("Jiangxi Provincial Department of Commerce", "Demo Magnetics Co., Ltd.")
                    .doesNotContain("Motorenwerk", "Dysprosium", "500 kg");
            b.screenshot(Path.of("docs/images/verify.png"));

            b.go("/verify/" + demo.number() + "?code=WRONG0000000");
            assertThat(b.waitFor("#verdict").getText()).isEqualTo("This licence cannot be verified");
        }
    }

    @Test
    void applicantRecordsAShipmentOnTheLicencePage() {
        Licence demo = DemoLicences.demo(ledger);
        try (var b = Browser.open(port)) {
            b.login("applicant", "demo");
            b.go("/licences");
            b.waitFor("#licences");
            b.click("#licences a[href$='" + demo.number() + "']");
            assertThat(b.waitFor("#licence-status").getText()).isEqualTo("ISSUED");
            String before = b.find("#line-2 .remaining").getText();
            b.type("input[name=reference]", "BROWSER-" + System.nanoTime());
            b.type("input[name=quantity2]", "500");
            b.driver()
                    .findElement(org.openqa.selenium.By.cssSelector("select[name=unit2] option[value=g]"))
                    .click();
            b.click("#record-shipment-submit");
            assertThat(b.waitFor("#message").getText()).contains("recorded");
            assertThat(before).isEqualTo(demo.line(2).remaining().toPlainString() + " kg");
            assertThat(b.find("#line-2 .remaining").getText())
                    .isEqualTo(demo.line(2)
                                    .remaining()
                                    .subtract(new java.math.BigDecimal("0.5"))
                                    .toPlainString() + " kg");
            assertThat(b.find("#download-certificate").getAttribute("href")).endsWith("/certificate.pdf");
        }
    }
}
