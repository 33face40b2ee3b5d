package org.lodestone.controllist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #2, point 3, in a real browser: a user logs in and asks whether dysprosium oxide to Germany for EV motors needs a
 * licence — on 2025-05-01 (yes, Announcement 2025 No. 18) and on 2025-03-01 (no, not yet controlled). Takes the user
 * guide's screenshots.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeterminationBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void applicantAsksAndGetsTheRulesThatFiredWithTheirLegalBasis() {
        try (var b = Browser.open(port)) {
            b.go("/login");
            b.screenshot(Path.of("docs/images/login.png"));
            b.login("applicant", "demo");
            b.screenshot(Path.of("docs/images/dashboard.png"));

            b.go("/determinations/new");
            ask(b, "2025-05-01");
            assertThat(b.waitFor("#outcome").getText()).isEqualTo("LICENCE REQUIRED");
            String matches = b.find("#matches").getText();
            assertThat(matches).contains("1C905").contains("No. 18").contains("2025-04-04");
            assertThat(b.find("#explanation").getText()).isNotBlank();
            assertThat(b.text()).contains("Demo mode");
            b.screenshot(Path.of("docs/images/determination.png"));

            ask(b, "2025-03-01");
            assertThat(b.waitFor("#outcome").getText()).isEqualTo("NOT REQUIRED");
        }
    }

    @Test
    void badInputIsShownNextToTheFieldAndEscaped() {
        try (var b = Browser.open(port)) {
            b.login("reviewer", "demo");
            b.go("/determinations/new");
            b.type("#description", "<script>alert(1)</script> oxide");
            b.type("#destination", "XX");
            b.click("#determination-form button[type=submit]");
            assertThat(b.waitFor("#destination-error").getText()).contains("XX");
            assertThat(b.find("#description").getAttribute("value")).isEqualTo("<script>alert(1)</script> oxide");
            assertThat(b.driver().findElements(By.id("outcome"))).isEmpty();
        }
    }

    @Test
    void controlListPageShowsEntriesInForceOnADate() {
        try (var b = Browser.open(port)) {
            b.login("consignee", "demo");
            b.go("/control-list?date=2025-05-01");
            assertThat(b.text()).contains("1C905").contains("1C902");
            b.screenshot(Path.of("docs/images/control-list.png"));
        }
    }

    private static void ask(Browser b, String date) {
        b.type("#description", "dysprosium oxide");
        b.type("#hsCode", "2846901993");
        var symbols = b.driver().findElements(By.name("symbol"));
        var percents = b.driver().findElements(By.name("percent"));
        symbols.get(0).clear();
        symbols.get(0).sendKeys("Dy");
        percents.get(0).clear();
        percents.get(0).sendKeys("87.1");
        b.type("#destination", "DE");
        new Select(b.find("#endUseCode")).selectByValue("EV_TRACTION_MOTORS");
        // Date inputs take keyboard input in the locale's order; set the ISO value directly instead.
        b.driver().executeScript("document.getElementById('date').value = arguments[0]", date);
        b.click("#determination-form button[type=submit]");
    }
}
