package org.lodestone.licensing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every review API endpoint × anonymous and each demo role × a case of the caller's own world (demo exporter, routed
 * to the Jiangxi bureau, taken up, the Ministry consulted, information requested) or another one (an exporter in a
 * region without a bureau, so routed to the Ministry) (#3). The expected status follows from three rules written out
 * below: the endpoint policy's roles (403 before anything else), need-to-know (404 for strangers), and the act's own
 * rule. Writes send bodies that fail validation after authorisation, so no cell changes the cases and every allowed
 * cell proves it got past authorisation (422, or 409 where the case is not in a state for the act).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH (%1$s case id, %2$s its information request, %3$s its consultation) | act | allowed | body */
    private static final String TABLE = """
            GET  /api/v1/review/queue                                       | QUEUE       | 200 |
            GET  /api/v1/applications/%1$s/review                           | READ        | 200 |
            GET  /api/v1/applications/%1$s/information-requests             | READ        | 200 |
            GET  /api/v1/applications/%1$s/information-requests/%2$s        | REQUEST_GET | 200 |
            GET  /api/v1/applications/%1$s/decisions                        | READ        | 200 |
            GET  /api/v1/applications/%1$s/assignment                       | ASSIGNEE    | 200 |
            GET  /api/v1/applications/%1$s/notes                            | INTERNAL    | 200 |
            GET  /api/v1/applications/%1$s/consultations                    | INTERNAL    | 200 |
            PUT  /api/v1/applications/%1$s/assignment                       | ASSIGN      | 422 | {"assignee": "nobody-such"}
            POST /api/v1/applications/%1$s/notes                            | NOTE        | 422 | {"body": ""}
            POST /api/v1/applications/%1$s/information-requests             | REQUEST     | 422 | {"version": 0, "message": ""}
            POST /api/v1/applications/%1$s/information-requests/%2$s/response | RESPOND   | 422 | {"version": 0, "answers": []}
            POST /api/v1/applications/%1$s/consultations                    | CONSULT     | 422 | {"question": ""}
            POST /api/v1/applications/%1$s/consultations/%3$s/answer        | ANSWER      | 422 | {"answer": ""}
            POST /api/v1/applications/%1$s/decision                         | DECIDE      | 422 | {"version": 0, "outcome": "REFUSE"}
            POST /api/v1/applications/%1$s/countersignature                 | COUNTERSIGN | 409 | {"version": 0, "outcome": "COUNTERSIGN"}
            """;

    /** The roles each act's endpoint policy admits; everyone else signed in gets 403 before the case is looked at. */
    private static final Map<String, Set<Role>> POLICY = Map.ofEntries(
            Map.entry("QUEUE", Set.of(Role.REVIEWER, Role.SUPERVISOR)),
            Map.entry("READ", Set.of(Role.values())),
            Map.entry("REQUEST_GET", Set.of(Role.values())),
            Map.entry("INTERNAL", Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR)),
            Map.entry("ASSIGNEE", Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR)),
            Map.entry("ASSIGN", Set.of(Role.REVIEWER, Role.SUPERVISOR)),
            Map.entry("NOTE", Set.of(Role.REVIEWER, Role.SUPERVISOR)),
            Map.entry("REQUEST", Set.of(Role.REVIEWER)),
            Map.entry("RESPOND", Set.of(Role.APPLICANT)),
            Map.entry("CONSULT", Set.of(Role.REVIEWER)),
            Map.entry("ANSWER", Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT)),
            Map.entry("DECIDE", Set.of(Role.REVIEWER, Role.SUPERVISOR)),
            Map.entry("COUNTERSIGN", Set.of(Role.SUPERVISOR)));

    /** Need-to-know: the own case is read by its applicant, the bureau and national oversight; the other by oversight. */
    private static final Set<Role> OWN_READERS =
            Set.of(Role.APPLICANT, Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR);

    private static final Set<Role> OTHER_READERS = Set.of(Role.ENFORCEMENT, Role.AUDITOR);

    @Autowired
    MockMvcTester mvc;

    private final Map<String, String[]> cases = new java.util.HashMap<>();

    @BeforeAll
    void cases() {
        ReviewFixtures f = new ReviewFixtures(mvc);
        ApplicationFixtures apps = f.applications();
        String own = f.inReview();
        String ministry = read(apps.get("enforcement", "/api/v1/me"), "$.organisationId");
        MvcTestResult consult =
                f.post("reviewer", "/api/v1/applications/" + own + "/consultations", """
                {"authority": "%s", "question": "Known end user?"}""".formatted(ministry));
        assertThat(consult).as(body(consult)).hasStatus(201);
        MvcTestResult request = f.requestEndUserCertificate("reviewer", own);
        assertThat(request).as(body(request)).hasStatus(201);
        cases.put("own", new String[] {own, read(request, "$.id"), read(consult, "$.id")});

        String other = apps.submitted(apps.otherExporter("CN-XZ"));
        cases.put("other", new String[] {other, read(request, "$.id"), read(consult, "$.id")});
    }

    Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            for (String whose : List.of("own", "other")) {
                rows.add(Arguments.of(
                        request[0],
                        request[1],
                        whose,
                        ANONYMOUS,
                        cells[1].strip(),
                        cells[2].strip(),
                        cells[3].strip()));
                for (Role role : Role.values()) {
                    rows.add(Arguments.of(
                            request[0],
                            request[1],
                            whose,
                            role.name(),
                            cells[1].strip(),
                            cells[2].strip(),
                            cells[3].strip()));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2} case) as {3}")
    @MethodSource("matrix")
    void reviewEndpointAnswersByRoleNeedToKnowAndTheActsRule(
            String method, String template, String whose, String caller, String act, String allowed, String body) {
        String[] ids = cases.get(whose);
        String path = template.formatted(ids[0], ids[1], ids[2]);
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (!caller.equals(ANONYMOUS)) {
            request.with(DemoLogins.as(mvc, DemoLogins.username(caller)));
        }
        MvcTestResult result = request.exchange();
        int expected = expected(caller, act, whose.equals("own"), Integer.parseInt(allowed));
        assertThat(result.getResponse().getStatus())
                .as(method + " " + path + " as " + caller + ": " + body(result))
                .isEqualTo(expected);
        if (act.equals("QUEUE") && expected == 200) {
            assertThat(body(result))
                    .as("the queue lists only the caller's authority's cases")
                    .contains(cases.get("own")[0])
                    .doesNotContain(cases.get("other")[0]);
        }
        if (expected == 200 && act.equals("READ") && Role.valueOf(caller) == Role.APPLICANT) {
            assertThat(body(result)).as("the applicant sees no internals").doesNotContain("Known end user?");
        }
    }

    static int expected(String caller, String act, boolean own, int allowed) {
        if (caller.equals(ANONYMOUS)) {
            return 401;
        }
        Role role = Role.valueOf(caller);
        if (!POLICY.get(act).contains(role)) {
            return 403;
        }
        if (act.equals("QUEUE")) {
            return allowed;
        }
        if (!(own ? OWN_READERS : OTHER_READERS).contains(role)) {
            return 404;
        }
        boolean bureau = role == Role.REVIEWER || role == Role.SUPERVISOR;
        return switch (act) {
            case "READ" -> allowed;
            // The other case has no request of its own: the id names the own case's request
            case "REQUEST_GET" -> own ? allowed : 404;
            case "INTERNAL" -> allowed;
            // 204 while nobody has the case (the other case was never taken up)
            case "ASSIGNEE" -> own ? allowed : 204;
            case "ASSIGN" -> role == Role.SUPERVISOR ? allowed : 403; // a REVIEWER assigns only himself
            case "NOTE", "DECIDE" -> bureau ? allowed : 403;
            case "REQUEST", "CONSULT" -> allowed; // REVIEWER of the own bureau (others stopped above)
            case "RESPOND" -> own ? allowed : 404;
            // Only the consulted Ministry answers; on the other case there is no such consultation
            case "ANSWER" -> !own ? 404 : role == Role.ENFORCEMENT ? allowed : 403;
            case "COUNTERSIGN" -> allowed; // SUPERVISOR of the bureau: nothing proposed yet
            default -> throw new IllegalArgumentException(act);
        };
    }
}
