package org.lodestone.licensing.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.Licences;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every licence endpoint × anonymous and each demo role × a licence of the caller's own world (demo exporter, Jiangxi
 * bureau) or of another one (a new exporter, a Guangdong bureau) (#3). Strangers get 404 (no oracle), readers who may
 * not act 403, anonymous 401 on the API and the login page for pages; verification is public. Pages are driven
 * through a real form login, the API through real bearer tokens.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenceAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /**
     * METHOD PATH (%s = licence number) | what it does | status when allowed | body (API) or form (pages).
     * LIST and PUBLIC are not about one licence.
     */
    private static final String TABLE = """
            GET  /api/v1/licences                       | LIST   | 200 |
            GET  /api/v1/licences/%s                    | READ   | 200 |
            GET  /api/v1/licences/%s/shipments          | READ   | 200 |
            GET  /api/v1/licences/%s/certificate.pdf    | CERT   | 200 |
            POST /api/v1/licences/%s/shipments          | SHIP   | 422 | {"reference": "m", "lines": []}
            POST /api/v1/licences/%s/status             | STATUS | 422 | {"status": "SUSPENDED", "reason": "", "version": 0}
            GET  /api/v1/verify/%s?code=WRONGCODE000    | PUBLIC | 200 |
            GET  /licences                              | LIST   | 200 |
            GET  /licences/%s                           | READ   | 200 |
            GET  /licences/%s/certificate.pdf           | CERT   | 200 |
            POST /licences/%s/shipments                 | SHIP   | 422 | reference=m
            POST /licences/%s/status                    | STATUS | 422 | reason=x
            GET  /verify/%s?code=WRONGCODE000           | PUBLIC | 200 |
            """;

    private static final Set<Role> OWN_READERS =
            Set.of(Role.APPLICANT, Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR);
    private static final Set<Role> NATIONAL_OVERSIGHT = Set.of(Role.ENFORCEMENT, Role.AUDITOR);
    private static final AtomicInteger CLIENT = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Licences licences;

    @Autowired
    Identity identity;

    private Licence own;
    private Licence other;
    private @Nullable DemoSessions sessions;

    @BeforeAll
    void issue() {
        var fixtures = new LicenceFixtures(mvc, licences, identity);
        own = fixtures.issueDemo();
        OrganisationId exporter = fixtures.createOrganisation("EXPORTER", "CN-GD", "");
        OrganisationId bureau = fixtures.createOrganisation("AUTHORITY", "CN-GD", "CN-GD");
        other = fixtures.issue(exporter, bureau);
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            String action = cells[1].strip();
            int allowed = Integer.parseInt(cells[2].strip());
            String body = cells[3].strip();
            for (String whose : List.of("own", "other")) {
                cases.add(Arguments.of(request[0], request[1], whose, ANONYMOUS, action, allowed, body));
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(request[0], request[1], whose, role.name(), action, allowed, body));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2} licence) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToNeedToKnow(
            String method, String template, String whose, String caller, String action, int allowed, String body) {
        Licence licence = whose.equals("own") ? own : other;
        String path = template.formatted(licence.number());
        boolean api = path.startsWith("/api/");
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path).with(r -> {
            // a fresh client address per case, so the verification rate limit never interferes
            r.setRemoteAddr("10.66." + (CLIENT.get() / 250 % 250) + "." + (CLIENT.incrementAndGet() % 250));
            return r;
        });
        if (!body.isEmpty() && api) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (!body.isEmpty() && !api) {
            String[] kv = body.split("=", 2);
            request.param(kv[0], kv[1]);
        }
        if (!api) {
            request.with(csrf());
        }
        if (!caller.equals(ANONYMOUS)) {
            String username = DemoLogins.username(caller);
            if (api) {
                request.with(DemoLogins.as(mvc, username));
            } else {
                request.session(session(username));
            }
        }
        MvcTestResult result = request.exchange();
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        String seen = status + (redirect == null ? "" : " -> " + redirect);

        int expected = expected(caller, action, whose.equals("own"), allowed, api);
        if (expected == 302) {
            assertThat(redirect).as(seen).isNotNull().endsWith("/login");
        } else {
            assertThat(status).as(seen).isEqualTo(expected);
        }
        if (action.equals("LIST") && status == 200) {
            String listed = LicenceFixtures.body(result);
            boolean visible = canRead(Role.valueOf(caller), whose.equals("own"));
            if (visible) {
                assertThat(listed)
                        .as("list shows the licence")
                        .contains(licence.number().value());
            } else {
                assertThat(listed)
                        .as("list hides the licence")
                        .doesNotContain(licence.number().value());
            }
        }
    }

    private static int expected(String caller, String action, boolean own, int allowed, boolean api) {
        if (action.equals("PUBLIC")) {
            return allowed;
        }
        if (caller.equals(ANONYMOUS)) {
            return api ? 401 : 302;
        }
        Role role = Role.valueOf(caller);
        if (action.equals("LIST")) {
            return allowed;
        }
        if (!canRead(role, own)) {
            return 404;
        }
        boolean may = switch (action) {
            case "READ" -> true;
            case "CERT" ->
                own && Set.of(Role.APPLICANT, Role.REVIEWER, Role.SUPERVISOR).contains(role);
            case "SHIP" -> own && role == Role.APPLICANT;
            case "STATUS" -> own && role == Role.SUPERVISOR;
            default -> throw new IllegalArgumentException(action);
        };
        return may ? allowed : 403;
    }

    private static boolean canRead(Role role, boolean own) {
        return own ? OWN_READERS.contains(role) : NATIONAL_OVERSIGHT.contains(role);
    }

    /** A browser session made by the real login form. */
    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }
}
