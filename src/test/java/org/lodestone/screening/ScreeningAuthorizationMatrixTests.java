package org.lodestone.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every screening endpoint (API with bearer tokens, pages with a login session) × anonymous and each demo role × a
 * hit of the caller's own world (an application of the demo exporter, routed to the Jiangxi bureau) or another one
 * (an exporter in a region without a bureau, routed to the Ministry) (#4). Rules: the endpoint policy's roles (403
 * first), then need-to-know (404 for a hit of another authority, except national ENFORCEMENT, which reads all), then
 * the act's own validation. Writes send bodies that fail validation after authorisation, so no cell changes a hit.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH (%1$s hit id, %2$s its application) | act | body (JSON, form pairs, or FILE) */
    private static final String TABLE = """
            POST /api/v1/screening/search                      | SEARCH      | {"name": ""}
            POST /api/v1/screening/batch                       | BATCH       | FILE
            GET  /api/v1/screening/hits                        | LIST        |
            GET  /api/v1/screening/hits/%1$s                   | READ        |
            POST /api/v1/screening/hits/%1$s/adjudication      | DECIDE      | {"decision": "", "version": 0}
            GET  /screening/search                             | PAGE_SEARCH |
            POST /screening/search                             | PAGE_QUERY  | name=
            GET  /screening/hits                               | PAGE_LIST   |
            GET  /screening/hits/panel?application=%2$s        | PAGE_LIST   |
            POST /screening/hits/%1$s/adjudication             | PAGE_DECIDE | decision=&version=0
            """;

    private static final Set<Role> HIT_READERS = Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT);
    private static final Set<Role> BATCH = Set.of(Role.APPLICANT, Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestEntries entries;

    private @Nullable DemoSessions sessions;
    private String list;
    private String ownApp;
    private String otherApp;
    private String ownHit;
    private String otherHit;

    @BeforeAll
    void hits() {
        ApplicationFixtures apps = new ApplicationFixtures(mvc);
        String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        list = "matrix-" + token;
        String name = "Vantrel" + token + " Ostrowind Alloys";
        entries.put(list, "M-1", 1, name);
        entries.activate(list);
        String consignee = """
                {"role": "CONSIGNEE", "nameLatin": "%s", "country": "DE", "address": "Hafenstr. 2, Hamburg",
                 "identifiers": [{"type": "HRB", "value": "HRB 7"}]}""".formatted(name);
        ownApp = apps.submitted("applicant", consignee);
        otherApp = apps.submitted(apps.otherExporter("CN-XZ"), consignee);
        ownHit = read(apps.get("reviewer", "/api/v1/screening/hits?application=" + ownApp), "$.items[0].id");
        otherHit = read(apps.get("enforcement", "/api/v1/screening/hits?application=" + otherApp), "$.items[0].id");
    }

    @AfterAll
    void removeEntry() {
        entries.remove(list, "M-1");
        entries.activate(list);
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            for (String whose : List.of("own", "other")) {
                cases.add(Arguments.of(request[0], request[1], whose, ANONYMOUS, cells[1].strip(), cells[2].strip()));
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(
                            request[0], request[1], whose, role.name(), cells[1].strip(), cells[2].strip()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2} hit) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToRoleAndJurisdiction(
            String method, String template, String whose, String caller, String act, String body) {
        boolean own = whose.equals("own");
        String path = template.formatted(own ? ownHit : otherHit, own ? ownApp : otherApp);
        boolean page = !path.startsWith("/api/");
        RequestPostProcessor auth = request -> {
            if (page) {
                request = csrf().postProcessRequest(request);
                if (!caller.equals(ANONYMOUS)) {
                    request.setSession(session(DemoLogins.username(caller)));
                }
                return request;
            }
            return caller.equals(ANONYMOUS)
                    ? request
                    : DemoLogins.as(mvc, DemoLogins.username(caller)).postProcessRequest(request);
        };
        MvcTestResult result;
        if (body.equals("FILE")) {
            result = mvc.post()
                    .uri(path)
                    .multipart()
                    .file(new MockMultipartFile("file", "names.csv", "text/csv", new byte[0]))
                    .with(auth)
                    .exchange();
        } else {
            var call = mvc.method(HttpMethod.valueOf(method)).uri(path).with(auth);
            if (body.startsWith("{")) {
                call.contentType(MediaType.APPLICATION_JSON).content(body);
            } else if (!body.isEmpty()) {
                for (String pair : body.split("&")) {
                    String[] kv = pair.split("=", 2);
                    call.param(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            result = call.exchange();
        }
        int status = result.getResponse().getStatus();
        String seen = status + " " + excerpt(body(result));
        int expected = expected(caller, act, own, page);
        assertThat(status).as(seen).isEqualTo(expected);
        if (expected == 302) {
            assertThat(result.getResponse().getRedirectedUrl()).as(seen).endsWith("/login");
        }
        if (act.equals("LIST") && status == 200 && Role.valueOf(caller) != Role.ENFORCEMENT) {
            assertThat(body(result)).as("the bureau sees its own hits only").doesNotContain(otherHit);
        }
    }

    private static int expected(String caller, String act, boolean own, boolean page) {
        if (caller.equals(ANONYMOUS)) {
            return page ? 302 : 401;
        }
        Role role = Role.valueOf(caller);
        return switch (act) {
            case "SEARCH", "PAGE_QUERY" -> 422;
            case "PAGE_SEARCH" -> 200;
            case "BATCH" -> BATCH.contains(role) ? 422 : 403;
            case "LIST", "PAGE_LIST" -> HIT_READERS.contains(role) ? 200 : 403;
            case "READ" -> !HIT_READERS.contains(role) ? 403 : own || role == Role.ENFORCEMENT ? 200 : 404;
            case "DECIDE", "PAGE_DECIDE" -> role != Role.REVIEWER ? 403 : own ? 422 : 404;
            default -> throw new IllegalArgumentException(act);
        };
    }

    private static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) : body;
    }

    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }
}
