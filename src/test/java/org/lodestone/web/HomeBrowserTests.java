package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The start page in real headless Chromium: assets load, the demo banner is visible, htmx is there. */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void homePageRendersWithBannerAndAssets() {
        try (var b = Browser.open(port)) {
            b.go("/");
            var banner = b.waitFor("#demo-banner");
            assertThat(banner.isDisplayed()).isTrue();
            assertThat(banner.getText()).contains("DEMO", "Not for real cases");
            assertThat(b.find("#demo-logins").getText()).contains("applicant", "auditor", "admin");
            assertThat(b.find("#login-button").getAttribute("href")).endsWith("/login");

            var js = (JavascriptExecutor) b.driver();
            assertThat(js.executeScript("return typeof htmx !== 'undefined' && typeof htmx.version === 'string'"))
                    .as("htmx loaded")
                    .isEqualTo(true);
            assertThat(
                            js.executeScript(
                                    "return getComputedStyle(document.documentElement).getPropertyValue('--pico-font-family').length > 0"))
                    .as("Pico CSS applied")
                    .isEqualTo(true);
            @SuppressWarnings("unchecked")
            var failed = (List<Map<String, Object>>) js.executeScript("""
                    return performance.getEntriesByType('resource')
                        .filter(e => e.responseStatus >= 400)
                        .map(e => ({name: e.name, status: e.responseStatus}));""");
            assertThat(failed).as("assets that failed to load").isEmpty();

            b.screenshot(Path.of("docs/images/home.png"));
        }
    }

    @Test
    void unknownPageShowsTheErrorPageWithRequestId() {
        try (var b = Browser.open(port)) {
            b.go("/no/such/page");
            // Before sign-in, identity may send the visitor to log in instead; either way no stack trace, no
            // Whitelabel.
            assertThat(b.text()).doesNotContain("Whitelabel", "Exception", "at org.");
        }
    }
}
