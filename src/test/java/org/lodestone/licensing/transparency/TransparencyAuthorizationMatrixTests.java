package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every access-transparency endpoint (#6), API and pages × anonymous and each demo role × an export request of the
 * caller's own authority (requested by the bureau's reviewer) or of another (requested by the ministry's enforcement
 * officer). The access log is the owner's (APPLICANT, CONSIGNEE); exports are for authority staff; a request is seen
 * by its requester and the authority's supervisors, decided by a supervisor who is not the requester, downloaded by
 * the requester alone. Strangers get 404, roles outside the rule 403, anonymous 401 on the API and the login page for
 * pages. Requests that change state or can succeed only once get a fresh request per case.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";
    private static final Set<Role> OWNERS = Set.of(Role.APPLICANT, Role.CONSIGNEE);
    private static final Set<Role> STAFF = Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT);

    /** METHOD PATH | object needed ({id}: none, PENDING, APPROVED) | answer when allowed. */
    private static final String TABLE = """
            GET  /api/v1/access-log                  | -        | 200
            GET  /access-log                         | -        | 200
            POST /api/v1/data-exports                | -        | 201
            GET  /api/v1/data-exports                | -        | 200
            GET  /data-exports                       | -        | 200
            POST /data-exports                       | -        | 302 -> /data-exports
            GET  /api/v1/data-exports/{id}           | PENDING  | 200
            POST /api/v1/data-exports/{id}/decision  | PENDING  | 200
            POST /data-exports/{id}/decision         | PENDING  | 302 -> /data-exports
            GET  /api/v1/data-exports/{id}/content   | APPROVED | 200
            GET  /data-exports/{id}/content          | APPROVED | 200
            """;

    @Autowired
    MockMvcTester mvc;

    private ApplicationFixtures fx;
    private ExportFixtures exports;
    private @Nullable DemoSessions sessions;

    @BeforeAll
    void fixtures() {
        fx = new ApplicationFixtures(mvc);
        exports = new ExportFixtures(fx);
        exports.ministrySupervisor();
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            String object = cells[1].strip();
            String allowed = cells[2].strip();
            List<String> targets = object.equals("-") ? List.of("-") : List.of("own", "foreign");
            for (String target : targets) {
                cases.add(Arguments.of(request[0], request[1], object, target, ANONYMOUS, allowed));
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(request[0], request[1], object, target, role.name(), allowed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({3}) as {4}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToTheRules(
            String method, String template, String object, String target, String caller, String allowed) {
        String id = switch (object) {
            case "PENDING" -> target.equals("own") ? exports.pending("reviewer") : exports.pending("enforcement");
            case "APPROVED" ->
                target.equals("own")
                        ? exports.approved("reviewer", "supervisor")
                        : exports.approved("enforcement", exports.ministrySupervisor());
            default -> "";
        };
        String path = template.replace("{id}", id);
        boolean api = path.startsWith("/api/");
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (method.equals("POST")) {
            if (api) {
                request.contentType(MediaType.APPLICATION_JSON)
                        .content(
                                path.endsWith("/decision")
                                        ? "{\"decision\": \"APPROVED\", \"reason\": \"matrix\"}"
                                        : "{\"reason\": \"matrix\", \"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}");
            } else if (path.endsWith("/decision")) {
                request.param("decision", "APPROVED").param("reason", "matrix");
            } else {
                request.param("reason", "matrix").param("from", "2026-01-01").param("to", "2026-01-31");
            }
        }
        MvcTestResult result = as(caller, api, request).exchange();

        int status = result.getResponse().getStatus();
        String redirect = status / 100 == 3 ? result.getResponse().getRedirectedUrl() : null;
        String seen = status + (redirect == null ? "" : " -> " + redirect.replaceFirst("^https?://[^/]+", ""));
        assertThat(seen).as(body(result)).isEqualTo(expected(caller, template, target, allowed, api));
    }

    private static String expected(String caller, String template, String target, String allowed, boolean api) {
        if (caller.equals(ANONYMOUS)) {
            return api ? "401" : "302 -> /login";
        }
        Role role = Role.valueOf(caller);
        if (template.contains("access-log")) {
            return OWNERS.contains(role) ? allowed : "403";
        }
        if (template.endsWith("/decision")) {
            if (role != Role.SUPERVISOR) {
                return "403";
            }
            return target.equals("own") ? allowed : "404"; // the bureau's supervisor, never the requester here
        }
        if (!STAFF.contains(role)) {
            return "403";
        }
        if (target.equals("-")) {
            return allowed;
        }
        // own: requested by the bureau's reviewer; foreign: by the ministry's enforcement officer
        boolean sameAuthority = target.equals("own") ? role != Role.ENFORCEMENT : role == Role.ENFORCEMENT;
        boolean requester = target.equals("own") ? role == Role.REVIEWER : role == Role.ENFORCEMENT;
        if (!sameAuthority || !(requester || role == Role.SUPERVISOR)) {
            return "404";
        }
        if (template.endsWith("/content") && !requester) {
            return "403"; // the supervisor sees the request but only the requester downloads
        }
        return allowed;
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String caller, boolean api, B request) {
        if (!api) {
            request.with(csrf());
        }
        if (caller.equals(ANONYMOUS)) {
            return request;
        }
        String username = DemoLogins.username(caller);
        return api ? request.with(DemoLogins.as(mvc, username)) : request.session(session(username));
    }

    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }
}
