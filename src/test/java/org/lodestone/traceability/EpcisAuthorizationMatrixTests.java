package org.lodestone.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Identity;
import org.lodestone.identity.Role;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.epcis.CaptureJobs;
import org.lodestone.traceability.epcis.Capturing;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EpcisFixtures;
import org.lodestone.traceability.epcis.EpcisFixtures.User;
import org.lodestone.traceability.epcis.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every EPCIS endpoint × anonymous and each demo role × an object of the caller's own world (an event and a capture
 * job of the demo producer, in Jiangxi) or another enterprise's (a reporter in Inner Mongolia) (#5). Rules: the
 * endpoint policy's roles first (403; 401 without credentials), then need-to-know: another enterprise's job or event
 * is 404, an authority sees events of its jurisdiction (Jiangxi REVIEWER not Inner Mongolia; national ENFORCEMENT
 * all). Writes send bodies that fail validation after authorisation, so no cell stores an event.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpcisAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH (%1$s event id, %2$s capture id) | act */
    private static final String TABLE = """
            POST /epcis/capture        | CAPTURE
            GET  /epcis/capture        | JOBS
            GET  /epcis/capture/%2$s   | JOB
            POST /epcis/events         | CAPTURE_EVENT
            GET  /epcis/events         | QUERY
            GET  /epcis/events/%1$s    | EVENT
            """;

    private static final Set<Role> READERS = Set.of(Role.REPORTER, Role.REVIEWER, Role.ENFORCEMENT);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Identity identity;

    @Autowired
    Capturing capturing;

    @Autowired
    CaptureJobs jobs;

    EpcisFixtures fixtures;
    String ownEvent;
    String otherEvent;
    String ownJob;
    String otherJob;

    @BeforeAll
    void objects() throws Exception {
        fixtures = new EpcisFixtures(mvc, identity, capturing);
        User rival = fixtures.reporter("CN-NM");
        EpcisEvent own = TestEvents.object().build();
        EpcisEvent other = TestEvents.object().build();
        fixtures.capture(fixtures.producer(), own);
        fixtures.capture(fixtures.reporterOf(rival), other);
        ownEvent = own.eventId();
        otherEvent = other.eventId();
        ownJob = job("producer");
        otherJob = job(rival.username());
        assertThat(jobs.awaitIdle(30_000)).isTrue();
    }

    private String job(String user) {
        MvcTestResult r = mvc.post()
                .uri("/epcis/capture")
                .with(fixtures.as(user))
                .contentType("application/json")
                .content("{}")
                .exchange();
        assertThat(r).hasStatus(202);
        return r.getResponse().getHeader(HttpHeaders.LOCATION).substring("/epcis/capture/".length());
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            for (String whose : List.of("own", "other")) {
                cases.add(Arguments.of(request[0], request[1], whose, ANONYMOUS, cells[1].strip()));
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(request[0], request[1], whose, role.name(), cells[1].strip()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToRoleAndOwnership(
            String method, String template, String whose, String caller, String act) {
        boolean own = whose.equals("own");
        String path = template.formatted(
                URLEncoder.encode(own ? ownEvent : otherEvent, StandardCharsets.UTF_8), own ? ownJob : otherJob);
        var call = mvc.method(HttpMethod.valueOf(method)).uri(URI.create(path));
        if (!caller.equals(ANONYMOUS)) {
            call.with(DemoLogins.as(mvc, DemoLogins.username(caller)));
        }
        if (method.equals("POST")) {
            // CAPTURE: a body over no limit but of a type no reader takes (415); CAPTURE_EVENT: an invalid event (400)
            call.contentType(act.equals("CAPTURE") ? "text/plain" : "application/json")
                    .content("{}");
        }
        MvcTestResult result = call.exchange();
        int status = result.getResponse().getStatus();
        String seen = status + " " + EpcisFixtures.body(result);
        assertThat(status).as(seen).isEqualTo(expected(caller, act, own));
    }

    private static int expected(String caller, String act, boolean own) {
        if (caller.equals(ANONYMOUS)) {
            return 401;
        }
        Role role = Role.valueOf(caller);
        return switch (act) {
            case "CAPTURE" -> role == Role.REPORTER ? 415 : 403;
            case "CAPTURE_EVENT" -> role == Role.REPORTER ? 400 : 403;
            case "JOBS" -> role == Role.REPORTER ? 200 : 403;
            case "JOB" -> role != Role.REPORTER ? 403 : own ? 200 : 404;
            case "QUERY" -> READERS.contains(role) ? 200 : 403;
            case "EVENT" -> !READERS.contains(role) ? 403 : own || role == Role.ENFORCEMENT ? 200 : 404;
            default -> throw new IllegalArgumentException(act);
        };
    }
}
