package org.lodestone.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The login page and the form login behind it: CSRF, outcomes, session fixation, logout. */
@IntegrationTest
class FormLoginTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void loginPageRendersFormWithCsrfToken() {
        assertThat(mvc.get().uri("/login"))
                .hasStatusOk()
                .bodyText()
                .contains("<form method=\"post\" action=\"/login\"")
                .contains("name=\"_csrf\"")
                .contains("name=\"username\"")
                .contains("name=\"password\"");
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        assertThat(mvc.post().uri("/login").param("username", "applicant").param("password", "demo"))
                .hasStatus(403);
    }

    @Test
    void goodLoginRedirectsHomeAndChangesTheSessionId() {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcTestResult result = mvc.post()
                .uri("/login")
                .session(session)
                .param("username", "applicant")
                .param("password", "demo")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);

        MockHttpSession loggedIn = (MockHttpSession) result.getRequest().getSession();
        assertThat(mvc.get().uri("/account/tokens").session(loggedIn)).hasStatusOk();
    }

    @Test
    void badLoginShowsError() {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("username", "applicant")
                .param("password", "not-demo")
                .with(csrf())
                .exchange();
        assertThat(result).hasRedirectedUrl("/login?error");
        assertThat(mvc.get().uri("/login?error")).hasStatusOk().bodyText().contains("Wrong username or password.");
    }

    @Test
    void unknownUserLooksLikeWrongPassword() {
        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", "nobody-here")
                        .param("password", "x")
                        .with(csrf()))
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void logoutNeedsPostAndEndsTheSession() {
        MvcTestResult login = mvc.post()
                .uri("/login")
                .param("username", "consignee")
                .param("password", "demo")
                .with(csrf())
                .exchange();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
        assertThat(mvc.post().uri("/logout").session(session).with(csrf())).hasRedirectedUrl("/login?logout");
        assertThat(session.isInvalid()).isTrue();
        assertThat(mvc.get().uri("/login?logout")).bodyText().contains("You have been signed out.");
    }

    @Test
    void protectedPageSendsAnonymousToLogin() {
        assertThat(mvc.get().uri("/account/tokens"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .endsWith("/login");
    }
}
