package org.lodestone.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.admin.Administration;
import org.lodestone.identity.admin.UserRequest;
import org.lodestone.identity.security.Principals;
import org.lodestone.identity.store.Organisations;
import org.lodestone.identity.tokens.ApiTokens;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Five wrong passwords lock an account, even against the right password, until an administrator unlocks it. */
@IntegrationTest
class LockoutTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Administration administration;

    @Autowired
    Organisations organisations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Principals principals;

    private String username;

    /** A fresh user per test, so locking it cannot disturb the demo users other tests share. */
    @BeforeEach
    void createUser() {
        username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        var ministry = organisations
                .findByNameAndKind("Ministry of Commerce", OrganisationKind.AUTHORITY)
                .orElseThrow();
        administration.createUser(new UserRequest(
                username, "Lockout Test", null, PASSWORD, ministry.id().toString(), List.of("AUDITOR"), null, null));
    }

    private MvcTestResult formLogin(String password) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .exchange();
    }

    private MvcTestResult basicLogin(String password) {
        return mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, Demo.basic(username, password))
                .exchange();
    }

    @Test
    void fiveFailuresLockEvenTheRightPasswordUntilAdminUnlocks() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(formLogin("wrong-" + i)).hasStatus3xxRedirection().hasRedirectedUrl("/login?error");
        }
        assertThat(formLogin("wrong-5")).hasRedirectedUrl("/login?locked");

        assertThat(formLogin(PASSWORD)).hasRedirectedUrl("/login?locked");
        MvcTestResult api = basicLogin(PASSWORD);
        assertThat(api).hasStatus(401);
        assertThat(api).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api).bodyJson().extractingPath("$.detail").asString().startsWith("Account locked until ");

        var admin = principals.byUsername("admin").orElseThrow().user();
        String adminToken = tokens.issue(admin.id(), "unlock", 1).secret();
        String id = principals.byUsername(username).orElseThrow().user().id().toString();
        MvcTestResult listed = mvc.get()
                .uri("/api/v1/admin/users/" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)
                .exchange();
        assertThat((String)
                        JsonPath.read(listed.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.lockedUntil"))
                .isNotNull();
        assertThat(mvc.post()
                        .uri("/api/v1/admin/users/" + id + "/unlock")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.failedAttempts")
                .isEqualTo(0);

        assertThat(formLogin(PASSWORD)).hasRedirectedUrl("/");
        assertThat(basicLogin(PASSWORD)).hasStatus(201);
    }

    @Test
    void lockedPageSaysUntilWhen() {
        for (int i = 1; i <= 5; i++) {
            formLogin("wrong-" + i);
        }
        MvcTestResult locked = formLogin("wrong-6");
        assertThat(locked).hasRedirectedUrl("/login?locked");
        var page = mvc.get()
                .uri("/login?locked")
                .session((org.springframework.mock.web.MockHttpSession)
                        locked.getRequest().getSession())
                .exchange();
        assertThat(page)
                .hasStatusOk()
                .bodyText()
                .contains("Account locked until")
                .contains("UTC");
    }

    @Test
    void successResetsTheCount() {
        for (int i = 1; i <= 4; i++) {
            formLogin("wrong-" + i);
        }
        assertThat(formLogin(PASSWORD)).hasRedirectedUrl("/");
        for (int i = 1; i <= 4; i++) {
            assertThat(formLogin("wrong-again-" + i)).hasRedirectedUrl("/login?error");
        }
        assertThat(formLogin(PASSWORD)).hasRedirectedUrl("/");
    }

    @Test
    void basicFailuresCountToo() {
        for (int i = 1; i <= 5; i++) {
            assertThat(basicLogin("wrong-" + i)).hasStatus(401);
        }
        assertThat(formLogin(PASSWORD)).hasRedirectedUrl("/login?locked");
    }
}
