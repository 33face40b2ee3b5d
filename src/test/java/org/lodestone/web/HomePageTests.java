package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The start page through the whole application: public, demo banner and demo logins in the default (demo) mode. */
@IntegrationTest
class HomePageTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void anonymousVisitorSeesBannerAndDemoLogins() {
        var result = mvc.get().uri("/").exchange();
        assertThat(result).hasStatusOk().hasViewName("home");
        assertThat(result)
                .bodyText()
                .contains("demo-banner", "id=\"demo-logins\"", "<code>auditor</code>", "href=\"/login\"");
    }

    @Test
    void assetsArePublic() {
        assertThat(mvc.get().uri("/webjars/picocss__pico/css/pico.min.css").exchange())
                .hasStatusOk();
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange())
                .hasStatusOk();
        assertThat(mvc.get().uri("/css/lodestone.css").exchange()).hasStatusOk();
    }
}
