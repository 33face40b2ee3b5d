package org.lodestone.screening.hits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.review.ReviewFixtures;
import org.lodestone.screening.TestEntries;
import org.lodestone.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A reviewer adjudicates a screening hit in place, from the review panel of the application, in real headless
 * Chromium (#4): the panel says approval waits, loads the hit with the features behind its score, and after the
 * false-positive decision says nothing blocks any more.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AdjudicationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestEntries entries;

    @Test
    void theReviewerRecordsAFalsePositiveFromTheReviewPanel() {
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String list = "browser-" + token;
        String name = "Drovantis" + token + " Magnetics Trading";
        entries.put(list, "B-1", 1, name);
        entries.activate(list);
        try {
            ApplicationFixtures apps = new ApplicationFixtures(mvc);
            String id = apps.submitted("applicant", """
                    {"role": "CONSIGNEE", "nameLatin": "%s", "country": "DE", "address": "Kai 3, Bremen",
                     "identifiers": [{"type": "HRB", "value": "HRB 99"}]}""".formatted(name));
            new ReviewFixtures(mvc).assign("reviewer", id, "reviewer");

            try (var b = Browser.open(port)) {
                b.login("reviewer", "demo");
                b.go("/applications/" + id);
                assertThat(b.waitFor("#screening-status").getText()).contains("1 screening hit awaits adjudication");
                var hit = b.waitFor("#screening-hits article.hit");
                assertThat(hit.getText())
                        .contains(name)
                        .contains(list + " / B-1")
                        .contains("Test programme");
                assertThat(hit.findElements(By.cssSelector("dl.features dt"))).isNotEmpty();
                // The screenshot shows the screening part of the panel, not the top of the page.
                ((JavascriptExecutor) b.driver())
                        .executeScript("arguments[0].scrollIntoView({block: 'start'})", b.find("#review-screening"));
                b.screenshot(Path.of("docs/images/screening-hit.png"));

                b.click("#screening-hits .decision-false-positive");
                b.type("#screening-hits textarea.rationale", "Different company: other register number and city");
                b.click("#screening-hits .adjudicate-submit");

                assertThat(b.waitFor("#notice").getText()).contains("Screening decision recorded");
                assertThat(b.waitFor("#screening-status").getText()).contains("No open screening hits");
                var decided = b.waitFor("#screening-hits article.hit");
                assertThat(decided.getAttribute("data-state")).isEqualTo("FALSE_POSITIVE");
                assertThat(decided.getText()).contains("Different company");
            }
        } finally {
            entries.remove(list, "B-1");
            entries.activate(list);
        }
    }
}
