package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** #2: an auditor reads the trail and verifies the hash chain in a real browser; others do not see the page. */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void auditorSeesTheTrailAndVerifiesTheChain() {
        try (var b = Browser.open(port)) {
            b.login("auditor", "demo");
            b.go("/audit");
            assertThat(b.find("#entries").getText()).contains("LOGIN_SUCCEEDED").contains("auditor");
            b.click("#verify-chain");
            assertThat(b.waitFor("#verification-result").getText()).containsIgnoringCase("intact");
            b.screenshot(Path.of("docs/images/audit.png"));
        }
    }

    @Test
    void applicantIsRefusedTheAuditTrail() {
        try (var b = Browser.open(port)) {
            b.login("applicant", "demo");
            b.go("/audit");
            assertThat(b.text()).doesNotContain("LOGIN_SUCCEEDED");
            assertThat(b.driver().findElements(org.openqa.selenium.By.id("verify-chain")))
                    .isEmpty();
        }
    }
}
