package org.lodestone.licensing.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
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
import org.lodestone.licensing.review.ReviewFixtures;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every review page route × anonymous and each demo role × a case of the caller's own world (demo exporter, Jiangxi
 * bureau; the case is INFORMATION_REQUESTED with a consultation of the Ministry open) or a case of another authority
 * (an exporter in a region without a bureau, so the Ministry reviews it) (#3). Anonymous callers are sent to the login
 * page; roles the endpoint policy excludes get 403; strangers to the case 404; who may act reaches the service, whose
 * answer the forms are built to make deterministic (mostly a 422 that changes nothing).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewPagesAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH (%1$s case, %2$s open request, %3$s open consultation) | action | form (k=v&k=v). */
    private static final String TABLE = """
            GET  /review                                                 | QUEUE       |
            POST /applications/%1$s/assignment                           | ASSIGN      | assignee=no-such-reviewer
            POST /applications/%1$s/notes                                | NOTE        | body=matrix note
            POST /applications/%1$s/information-requests                 | REQUEST     | version=0&message=
            POST /applications/%1$s/information-requests/%2$s/response   | RESPOND     | version=0
            POST /applications/%1$s/consultations                        | CONSULT     | authority=&question=q
            POST /applications/%1$s/consultations/%3$s/answer            | ANSWER      | answer=No objection.
            POST /applications/%1$s/decision                             | DECIDE      | version=0&outcome=REFUSE&reasonCode=
            POST /applications/%1$s/countersignature                     | COUNTERSIGN | version=0&outcome=COUNTERSIGN
            """;

    private static final Set<Role> STAFF = Set.of(Role.REVIEWER, Role.SUPERVISOR);

    @Autowired
    MockMvcTester mvc;

    private String own;
    private String other;
    private String request;
    private String consultation;
    private @Nullable DemoSessions sessions;

    @BeforeAll
    void cases() {
        ReviewFixtures review = new ReviewFixtures(mvc);
        ApplicationFixtures apps = review.applications();
        own = review.inReview();
        MvcTestResult requested = review.requestEndUserCertificate("reviewer", own);
        assertThat(requested).as(body(requested)).hasStatus(201);
        request = read(requested, "$.id");
        String ministry = read(apps.get("enforcement", "/api/v1/me"), "$.organisationId");
        MvcTestResult consulted = apps.post(
                "reviewer",
                "/api/v1/applications/" + own + "/consultations",
                "{\"authority\": \"" + ministry + "\", \"question\": \"Known end user?\"}");
        assertThat(consulted).as(body(consulted)).hasStatus(201);
        consultation = read(consulted, "$.id");
        other = apps.submitted(apps.otherExporter("CN-XZ"));
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            String action = cells[1].strip();
            String form = cells[2].strip();
            for (String whose : List.of("own", "other")) {
                cases.add(Arguments.of(request[0], request[1], whose, ANONYMOUS, action, form));
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(request[0], request[1], whose, role.name(), action, form));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2} case) as {3}")
    @MethodSource("matrix")
    void routeAnswersAccordingToRoleAndRelationship(
            String method, String template, String whose, String caller, String action, String form) {
        boolean isOwn = whose.equals("own");
        String path = template.formatted(isOwn ? own : other, request, consultation);
        var call = mvc.method(HttpMethod.valueOf(method)).uri(path).with(csrf());
        if (!form.isEmpty()) {
            for (String pair : form.split("&")) {
                String[] kv = pair.split("=", 2);
                call.param(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (!caller.equals(ANONYMOUS)) {
            call.session(session(DemoLogins.username(caller)));
        }
        MvcTestResult result = call.exchange();
        int status = result.getResponse().getStatus();
        String redirect = result.getResponse().getRedirectedUrl();
        String seen = status + (redirect == null ? "" : " -> " + redirect) + " " + excerpt(result);

        int expected = expected(caller, action, isOwn);
        assertThat(status).as(seen).isEqualTo(expected == 303 ? 302 : expected);
        if (expected == 302) {
            assertThat(redirect).as(seen).endsWith("/login");
        }
        if (expected == 303) {
            assertThat(redirect).as(seen).isEqualTo("/applications/" + own + "#review");
        }
        if (action.equals("QUEUE") && status == 200) {
            String html = body(result);
            assertThat(html)
                    .as("the queue shows the bureau's case, not the Ministry's")
                    .doesNotContain(other);
        }
    }

    /** 302: to the login page; 303 stands for the redirect back to the review panel after a successful act. */
    private static int expected(String caller, String action, boolean own) {
        if (caller.equals(ANONYMOUS)) {
            return 302;
        }
        Role role = Role.valueOf(caller);
        Set<Role> policy = switch (action) {
            case "QUEUE", "ASSIGN", "NOTE", "DECIDE" -> STAFF;
            case "REQUEST", "CONSULT" -> Set.of(Role.REVIEWER);
            case "RESPOND" -> Set.of(Role.APPLICANT);
            case "ANSWER" -> Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT);
            case "COUNTERSIGN" -> Set.of(Role.SUPERVISOR);
            default -> throw new IllegalArgumentException(action);
        };
        if (!policy.contains(role)) {
            return 403;
        }
        if (action.equals("QUEUE")) {
            return 200;
        }
        if (!own) {
            return 404; // the Ministry's case: the bureau and the demo exporter do not see it; no such consultation
        }
        return switch (action) {
            case "ASSIGN" -> role == Role.SUPERVISOR ? 422 : 403; // only a SUPERVISOR assigns to others
            case "NOTE" -> 303;
            case "REQUEST", "RESPOND", "CONSULT", "DECIDE" -> 422;
            case "ANSWER" -> role == Role.ENFORCEMENT ? 303 : 403; // only the consulted Ministry answers
            case "COUNTERSIGN" -> 409; // no proposal awaits countersignature
            default -> throw new IllegalArgumentException(action);
        };
    }

    private static String excerpt(MvcTestResult result) {
        String b = body(result);
        int at = b.indexOf("review-problem");
        return at < 0 ? "" : b.substring(at, Math.min(b.length(), at + 300));
    }

    /** A browser session made by the real login form. */
    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }
}
