package org.lodestone.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The test helper really authenticates as the named demo user. */
@IntegrationTest
class DemoLoginsTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void bearerTokenActsAsTheDemoUser() {
        var me =
                mvc.get().uri("/api/v1/me").with(DemoLogins.as(mvc, "reviewer")).exchange();
        assertThat(me).hasStatusOk();
        assertThat(me).bodyJson().extractingPath("$.username").isEqualTo("reviewer");
    }
}
