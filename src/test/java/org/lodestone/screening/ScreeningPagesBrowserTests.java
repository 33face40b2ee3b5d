package org.lodestone.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.lodestone.support.DemoLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The screening pages in real headless Chromium (#4): an ADMIN imports two releases of a national list through the
 * lists page and reads the rejected lines and the diff; an applicant screens a name written differently from the
 * listed one and sees the hit with its score and features; without JavaScript the search form still posts and answers
 * with the whole page, and the hits page's state filter works with and without JavaScript. Writes the user guide's screenshots. List entries carry random tokens, so they never match
 * other tests' parties.
 */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ScreeningPagesBrowserTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    /** A capitalised made-up word of random letters, so a listed name reads like a name but is unique. */
    private static String word() {
        StringBuilder s = new StringBuilder().append((char) ('A' + RANDOM.nextInt(26)));
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString();
    }

    private static Path csv(String content) throws IOException {
        Path file = Files.createTempFile("lodestone-list-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private static void upload(Browser b, String code, String name, Path file) {
        b.go("/screening/lists");
        b.type("#list-upload input[name=listCode]", code);
        if (name != null) {
            b.type("#list-upload input[name=name]", name);
        }
        b.find("#list-upload select[name=format]")
                .findElement(By.cssSelector("option[value=lodestone-csv]"))
                .click();
        b.find("#list-upload input[type=file]").sendKeys(file.toAbsolutePath().toString());
        b.click("#list-upload button[type=submit]");
    }

    private static void waitForText(Browser b, String css, String text) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
    }

    /** The screenshots show the part of the page the guide talks about. */
    private static void scrollTo(Browser b, String css) {
        ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", b.find(css));
    }

    private static String header() {
        return "id,schema,name,aliases,countries,identifiers,list,programme,legal_basis,listed_on\n";
    }

    @Test
    void anAdminImportsTwoReleasesAndAnyUserScreensAName() throws IOException {
        String a = word();
        String b1 = word();
        String c = word();
        String code = "ui-" + a.toLowerCase() + "-list";
        String listed = a + " " + b1 + " Magnet Works";
        String first = header()
                + "UI-1,Company," + listed + ",,CN,uscc:91" + a.toUpperCase()
                + ",Test list,Rare-earth magnets,Test order 1,2025-01-15\n"
                + "UI-2,Company," + c + " Separation Plant,,CN,,Test list,Separation,Test order 2,2025-01-15\n"
                + "UI-3,Company," + c + " Trading,,CHN,,Test list,,,2025-01-15\n"; // alpha-3: rejected
        String second = header()
                + "UI-1,Company," + listed + ",,CN;HK,uscc:91" + a.toUpperCase()
                + ",Test list,Rare-earth magnets,Test order 1,2025-01-15\n"
                + "UI-4,Person," + c + " " + word() + ",,RU,,Test list,Procurement,Test order 4,2025-06-01\n";

        try (var b = Browser.open(port)) {
            b.login("admin", "demo");

            upload(b, code, "UI test list " + a, csv(first));
            assertThat(b.waitFor("#upload-result").getText())
                    .contains("Imported a release of " + code + ": 2 entries, 1 lines rejected");
            WebElement releases = b.waitFor("#releases");
            assertThat(releases.getText()).contains("ACTIVE", "3 / 2 / 0 / 1", "lodestone-csv", "admin");
            var rejected = b.waitFor("#rejected-lines");
            assertThat(rejected.getText()).contains("4", "CHN", "is not an ISO 3166-1 alpha-2 code");
            assertThat(b.find("#lists").getText()).contains(code, "UI test list " + a);

            upload(b, code, null, csv(second));
            assertThat(b.waitFor("#upload-result").getText())
                    .contains("2 entries, 0 lines rejected; +1 ~1 \u22121 against the previous release");
            assertThat(b.waitFor("#releases").getText()).contains("SUPERSEDED", "ACTIVE");
            assertThat(b.find("#diff").getText()).contains("UI-4").doesNotContain("UI-1");

            // The diff tabs are boosted links: htmx swaps the page in place, so wait for the new content.
            b.click("#diff a[href*='kind=CHANGED']");
            waitForText(b, "#diff", "CN HK");
            assertThat(b.find("#diff").getText()).contains("UI-1").doesNotContain("UI-4");
            b.click("#diff a[href*='kind=REMOVED']");
            waitForText(b, "#diff", c + " Separation Plant");
            assertThat(b.find("#diff").getText()).contains("UI-2").doesNotContain("UI-1");
            scrollTo(b, "#releases");
            b.screenshot(Path.of("docs/images/screening-lists.png"));
        }

        // The same name with its tokens reordered and in other case: check the API's answer first, so the page's
        // assertions below test the page, not the matcher.
        String written = "MAGNET WORKS " + b1.toUpperCase() + " " + a.toUpperCase();
        var api = mvc.post()
                .uri("/api/v1/screening/search")
                .with(DemoLogins.as(mvc, "applicant"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + written + "\", \"country\": \"CN\"}")
                .exchange();
        assertThat(api).hasStatusOk();
        List<Map<String, Object>> hits = read(api, "$.hits");
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst()).containsEntry("listCode", code).containsEntry("entryId", "UI-1");
        assertThat(hits.getFirst().get("match")).isEqualTo(true);

        try (var b = Browser.open(port)) {
            b.login("applicant", "demo");
            b.go("/screening/search");
            b.type("#search-name", written);
            b.type("#search-country", "CN");
            b.click("#search-submit");
            var row = b.waitFor("#search-hits tbody tr");
            assertThat(row.getText()).contains(code, "UI-1", listed, "match");
            assertThat(row.getAttribute("class")).contains("match");
            assertThat(row.findElements(By.cssSelector("dl.features dt"))).isNotEmpty();
            assertThat(row.findElement(By.cssSelector("td:nth-child(4)")).getText())
                    .matches("[01]\\.\\d{3}");
            assertThat(b.driver().getPageSource()).as("htmx ran").contains(".htmx-indicator");
            scrollTo(b, "#screening-search");
            b.screenshot(Path.of("docs/images/screening-search.png"));
        }
    }

    @Test
    void theFormsWorkWithoutJavaScript() throws IOException {
        String a = word();
        String code = "ui-nojs-" + a.toLowerCase();
        String listed = a + " Oxide Refinery";
        try (var b = Browser.open(port)) {
            b.login("admin", "demo");
            upload(
                    b,
                    code,
                    "UI no-JS list " + a,
                    csv(header() + "NJ-1,Company," + listed + ",,CN,,Test list,,,2025-01-15\n"));
            assertThat(b.waitFor("#upload-result").getText()).contains("1 entries, 0 lines rejected");
        }
        try (var b = Browser.open(port)) {
            b.login("consignee", "demo");
            b.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            b.go("/screening/search");
            // htmx adds its indicator style when it starts; without JavaScript it never does.
            assertThat(b.driver().getPageSource()).as("htmx did not run").doesNotContain(".htmx-indicator");
            // Without JavaScript, novalidate lets the empty name reach the server, which answers with the whole page.
            b.click("#search-submit");
            assertThat(b.waitFor("#search-problem").getText()).contains("name", "is required");

            b.type("#search-name", "refinery oxide " + a.toLowerCase());
            b.click("#search-submit");
            var row = b.waitFor("#search-hits tbody tr");
            assertThat(row.getText()).contains(code, "NJ-1", listed);
            assertThat(b.find("#search-name").getAttribute("value")).isEqualTo("refinery oxide " + a.toLowerCase());
            assertThat(b.driver().getPageSource()).contains("<h1");
        }
        try (var b = Browser.open(port)) {
            b.login("reviewer", "demo");
            b.driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            b.go("/screening/hits");
            // The state filter submits on change only with JavaScript; without it a button is there instead.
            b.find("#hits-state")
                    .findElement(By.cssSelector("option[value=ALL]"))
                    .click();
            b.click("#hits-filter-submit");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("state=ALL"));
            assertThat(b.url()).contains("application=&");
            assertThat(b.find("#hits-count").getText()).matches("\\d+ hits?");
        }
        try (var b = Browser.open(port)) {
            // With JavaScript the select submits the same form on change.
            b.login("reviewer", "demo");
            b.go("/screening/hits");
            new Select(b.find("#hits-state")).selectByValue("TRUE_MATCH");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("state=TRUE_MATCH"));
            assertThat(b.waitFor("#hits-count").getText()).matches("\\d+ hits?");
            assertThat(new Select(b.find("#hits-state"))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("TRUE_MATCH");
        }
    }
}
