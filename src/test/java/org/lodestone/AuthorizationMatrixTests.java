package org.lodestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * #2 authorization matrix for the control list, determination, the UI shell and the operability endpoints: every
 * endpoint × anonymous and each demo role, through the real filter chains with real API tokens (identity's own
 * endpoints and the audit API are in {@code IdentityAuthorizationMatrixTests}). "Allowed" means the request passed
 * authorization (any status but 401, 403 and the login redirect); bodies are deliberately minimal, so an allowed
 * admin write may well answer 422.
 */
@IntegrationTest
class AuthorizationMatrixTests {

    private static final Set<Role> EVERYONE = Set.of(Role.values());

    @Autowired
    MockMvcTester mvc;

    record Endpoint(
            HttpMethod method, String path, @Nullable String json, Set<Role> allowed, boolean publicAccess) {

        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/actuator/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String DETERMINATION = """
            {"item":{"description":"dysprosium oxide","elements":{"Dy":87.1}},"destination":"DE","endUse":"OTHER","date":"2025-05-01"}""";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.POST, "/api/v1/determinations", DETERMINATION, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/api/v1/control-list/entries", null, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/api/v1/control-list/entries/1C905.b", null, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/api/v1/control-list/legal-acts", null, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/api/v1/control-list/suspensions", null, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/api/v1/control-list/rules", null, EVERYONE, false),
                new Endpoint(HttpMethod.POST, "/api/v1/control-list/entries", "{}", Set.of(Role.ADMIN), false),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/v1/control-list/entries/1C905.b/versions",
                        "{}",
                        Set.of(Role.ADMIN),
                        false),
                new Endpoint(HttpMethod.POST, "/api/v1/control-list/legal-acts", "{}", Set.of(Role.ADMIN), false),
                new Endpoint(HttpMethod.POST, "/api/v1/control-list/suspensions", "{}", Set.of(Role.ADMIN), false),
                new Endpoint(HttpMethod.GET, "/actuator/health", null, EVERYONE, true),
                new Endpoint(HttpMethod.GET, "/actuator/info", null, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/actuator/prometheus", null, Set.of(Role.ADMIN), false),
                new Endpoint(HttpMethod.GET, "/v3/api-docs", null, EVERYONE, true),
                new Endpoint(HttpMethod.GET, "/", null, EVERYONE, true),
                new Endpoint(HttpMethod.GET, "/determinations/new", null, EVERYONE, false),
                new Endpoint(HttpMethod.POST, "/determinations", "form", EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/control-list", null, EVERYONE, false),
                new Endpoint(HttpMethod.GET, "/audit", null, Set.of(Role.AUDITOR), false),
                new Endpoint(HttpMethod.POST, "/audit/verify", "form", Set.of(Role.AUDITOR), false));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            rows.add(Arguments.of(e, null));
            for (Role role : Role.values()) {
                rows.add(Arguments.of(e, role));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyThePolicysRolesPass(Endpoint endpoint, @Nullable Role role) {
        MvcTestResult result = call(endpoint, role);
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader("Location");
        boolean refused =
                status == 401 || status == 403 || (status == 302 && location != null && location.endsWith("/login"));
        boolean shouldPass =
                role == null ? endpoint.publicAccess() : endpoint.allowed().contains(role);
        assertThat(!refused)
                .as(
                        "%s as %s answered %d%s",
                        endpoint, role == null ? "anonymous" : role, status, location == null ? "" : " -> " + location)
                .isEqualTo(shouldPass);
        if (refused && endpoint.api()) {
            assertThat(status)
                    .as("machine endpoints refuse with a status, never a login redirect")
                    .isIn(401, 403);
            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        }
    }

    private MvcTestResult call(Endpoint e, @Nullable Role role) {
        var request = mvc.method(e.method()).uri(e.path());
        if (e.json() != null && !e.json().equals("form")) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(e.json());
        }
        if ("form".equals(e.json())) {
            request = request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .param("description", "dysprosium oxide")
                    .param("destination", "DE")
                    .with(csrf());
        }
        if (role != null) {
            String username = org.lodestone.support.DemoLogins.username(role.name());
            if (e.api()) {
                request = request.with(DemoLogins.as(mvc, username));
            } else {
                request = request.with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                                        username)
                                .roles(role.name()));
            }
        }
        return request.exchange();
    }
}
