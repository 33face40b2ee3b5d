package org.lodestone.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.security.Principals;
import org.lodestone.identity.tokens.ApiTokens;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who may call which identity (and audit) endpoint: every row of the table below against anonymous and each demo role,
 * through the real filter chains (API tokens for the API, a session principal for pages). Also proves default deny:
 * a path no policy names is 403 for everybody, anonymous included. "Allowed" means "passed authorization": anything
 * but 401/403 and the login redirect, whatever the endpoint then answers to the minimal request.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";
    private static final String RANDOM_ID = UUID.randomUUID().toString();

    /**
     * METHOD PATH | who may call: PUBLIC (anyone), USERS (any authenticated user), NOBODY (default deny) or role names
     * | body for API writes. Paths under /api use bearer tokens except token creation, which uses HTTP Basic.
     */
    private static final String TABLE = """
            GET    /login                                 | PUBLIC  |
            POST   /logout                                | PUBLIC  |
            GET    /oauth2/authorization/none             | PUBLIC  |
            GET    /account/tokens                        | USERS   |
            POST   /account/tokens                        | USERS   |
            POST   /account/tokens/%1$s/revoke            | USERS   |
            GET    /api/v1/me                             | USERS   |
            GET    /api/v1/auth/tokens                    | USERS   |
            POST   /api/v1/auth/tokens                    | USERS   | {}
            DELETE /api/v1/auth/tokens/%1$s               | USERS   |
            GET    /api/v1/admin/organisations            | ADMIN   |
            POST   /api/v1/admin/organisations            | ADMIN   | {}
            GET    /api/v1/admin/users                    | ADMIN   |
            GET    /api/v1/admin/users/%1$s               | ADMIN   |
            POST   /api/v1/admin/users                    | ADMIN   | {}
            PUT    /api/v1/admin/users/%1$s               | ADMIN   | {}
            POST   /api/v1/admin/users/%1$s/unlock        | ADMIN   |
            GET    /api/v1/audit/entries                  | AUDITOR |
            GET    /api/v1/audit/verify                   | AUDITOR |
            GET    /api/v1/nonexistent                    | NOBODY  |
            DELETE /api/v1/admin                          | ADMIN   |
            GET    /nonexistent-page                      | NOBODY  |
            POST   /nonexistent-page                      | NOBODY  |
            """;

    enum Expect {
        /** Passed authorization: anything but 401/403 and the login redirect. */
        ALLOW,
        /** 403. */
        DENY,
        /** 401 on the API, redirect to the login page for pages. */
        LOGIN
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Principals principals;

    private final Map<Role, String> bearer = new EnumMap<>(Role.class);

    @BeforeAll
    void issueTokens() {
        for (Role role : Role.values()) {
            var user = principals.byUsername(Demo.username(role)).orElseThrow().user();
            bearer.put(role, tokens.issue(user.id(), "matrix", 1).secret());
        }
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            String who = cells[1].strip();
            String body = cells[2].strip();
            String path = request[1].formatted(RANDOM_ID);
            cases.add(Arguments.of(request[0], path, ANONYMOUS, expectation(who, null), body));
            for (Role role : Role.values()) {
                cases.add(Arguments.of(request[0], path, role.name(), expectation(who, role), body));
            }
        }
        return cases.stream();
    }

    private static Expect expectation(String who, @Nullable Role caller) {
        return switch (who) {
            case "PUBLIC" -> Expect.ALLOW;
            case "NOBODY" -> Expect.DENY;
            case "USERS" -> caller == null ? Expect.LOGIN : Expect.ALLOW;
            default -> {
                Set<Role> allowed =
                        Arrays.stream(who.split(",")).map(Role::valueOf).collect(Collectors.toSet());
                yield caller == null ? Expect.LOGIN : allowed.contains(caller) ? Expect.ALLOW : Expect.DENY;
            }
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToPolicy(String method, String path, String caller, Expect expect, String body) {
        boolean api = path.startsWith("/api/");
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (!caller.equals(ANONYMOUS)) {
            Role role = Role.valueOf(caller);
            if (api && method.equals("POST") && path.equals("/api/v1/auth/tokens")) {
                request.header(HttpHeaders.AUTHORIZATION, Demo.basic(Demo.username(role)));
            } else if (api) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.get(role));
            } else {
                request.with(user(principals.byUsername(Demo.username(role)).orElseThrow()));
            }
        }
        if (!api) {
            request.with(csrf());
        }
        MvcTestResult result = request.exchange();
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        boolean toLogin =
                redirect != null && redirect.replaceFirst("^https?://[^/]+", "").equals("/login");
        String seen = status + (redirect == null ? "" : " -> " + redirect);
        switch (expect) {
            case ALLOW ->
                assertThat(status == 401 || status == 403 || toLogin).as(seen).isFalse();
            case DENY -> assertThat(status).as(seen).isEqualTo(403);
            case LOGIN -> {
                if (api) {
                    assertThat(status).as(seen).isEqualTo(401);
                    assertThat(result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE))
                            .as(seen)
                            .anyMatch(h -> h.startsWith("Bearer") || h.startsWith("Basic"));
                } else {
                    assertThat(toLogin).as(seen).isTrue();
                }
            }
        }
        if (api && (status == 401 || status == 403)) {
            assertThat(result.getResponse().getContentType())
                    .as(seen)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }
}
