package org.lodestone.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.HashMap;
import java.util.Map;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Browser-like sessions of demo users, logged in once through the login form and reused: page matrix tests call
 * hundreds of pages per user, and a form login per cell would dominate their time.
 */
public final class DemoSessions {

    private final MockMvcTester mvc;
    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    public DemoSessions(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** The session of a demo user (password {@code demo}). */
    public MockHttpSession of(String username) {
        return sessions.computeIfAbsent(username, u -> {
            MvcTestResult login = mvc.post()
                    .uri("/login")
                    .param("username", u)
                    .param("password", "demo")
                    .with(csrf())
                    .exchange();
            var session = (MockHttpSession) login.getRequest().getSession(false);
            assertThat(session).as("login of " + u).isNotNull();
            return session;
        });
    }
}
