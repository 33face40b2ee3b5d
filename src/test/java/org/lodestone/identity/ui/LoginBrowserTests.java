package org.lodestone.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lodestone.support.Browser;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Login and API tokens in a real browser: error message, landing page, a token shown exactly once. */
@Tag("ui")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void wrongPasswordShowsTheError() {
        try (var b = Browser.open(port)) {
            b.login("applicant", "not-the-password");
            assertThat(URI.create(b.url()).getPath()).isEqualTo("/login");
            assertThat(b.waitFor(".login-error").getText()).isEqualTo("Wrong username or password.");
        }
    }

    @Test
    void applicantLandsOnTheHomePage() {
        try (var b = Browser.open(port)) {
            b.login("applicant", "demo");
            // The home page belongs to the web module; here only where the login leads is checked.
            assertThat(URI.create(b.url()).getPath()).isEqualTo("/");
        }
    }

    @Test
    void createdTokenIsShownOnce() {
        try (var b = Browser.open(port)) {
            b.login("reviewer", "demo");
            b.go("/account/tokens");
            b.type("input[name=name]", "browser test token");
            b.click("form[action='/account/tokens'] button[type=submit]");
            String secret = b.waitFor("#new-token").getAttribute("value");
            assertThat(secret).startsWith("lst_").hasSize(47);
            assertThat(b.text()).contains("only once").contains("browser test token");
            b.screenshot(Path.of("docs/images/tokens.png"));

            b.go("/account/tokens");
            assertThat(b.driver().findElements(By.id("new-token"))).isEmpty();
            assertThat(b.driver().getPageSource()).doesNotContain(secret).contains(secret.substring(0, 8));
            assertThat(b.text()).contains("browser test token").contains("active");
        }
    }
}
