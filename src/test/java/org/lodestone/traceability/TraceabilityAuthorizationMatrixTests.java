package org.lodestone.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.traceability.genealogy.TraceEvents.commission;
import static org.lodestone.traceability.genealogy.TraceEvents.kg;
import static org.lodestone.traceability.genealogy.TraceEvents.lot;
import static org.lodestone.traceability.genealogy.TraceEvents.ship;
import static org.lodestone.traceability.genealogy.TraceEvents.transform;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.genealogy.TraceEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every genealogy and export endpoint (API with bearer tokens, page with a login session) × anonymous and each demo role
 * × a lot of the caller's own world (traced by the demo producer in Jiangxi) or another one (an enterprise in Inner
 * Mongolia) (#5). Rules: the endpoint policy's roles (403 first), then need-to-know: an authority traces what
 * enterprises of its jurisdiction reported (the Ministry: all of CN, the Jiangxi bureau: CN-JX), a reporter only its
 * own events, anything else is 404 as if it did not exist.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceabilityAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH (%1$s lot identifier) | act */
    private static final String TABLE = """
            GET /api/v1/traceability/genealogy?direction=backward&identifier=%1$s | TRACE
            GET /traceability/genealogy?direction=forward&identifier=%1$s         | PAGE_TRACE
            GET /traceability/genealogy                                           | PAGE
            GET /api/v1/traceability/exports                                      | EXPORTS
            """;

    private static final Set<Role> TRACERS = Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.REPORTER);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Identity identity;

    private @Nullable DemoSessions sessions;
    private String ownLot;
    private String otherLot;
    private String otherExport;

    @BeforeAll
    void lots() {
        var events = new TraceEvents(publisher, transactions);
        OrganisationId producer = identity.organisations(OrganisationKind.EXPORTER).stream()
                .filter(o -> o.name().equals("Demo Rare Earth Magnet Works Co., Ltd."))
                .findFirst()
                .orElseThrow()
                .id();
        OrganisationId mongolian = organisation("CN-NM");
        String t = TraceEvents.tag();
        ownLot = lot(t, "1111");
        otherLot = lot(t, "2222");
        String site = "urn:epc:id:sgln:6901234.00011." + t;
        events.capture(
                producer,
                commission(site, "METAL", kg(lot(t, "1110"), "10")),
                transform(site, "ALLOY", List.of(kg(lot(t, "1110"), "10")), List.of(kg(ownLot, "10"))));
        var export = ship(site, "CN-EX-2026-000000001", null, null, List.of(), kg(otherLot, "5"));
        otherExport = export.eventId();
        events.capture(
                mongolian,
                commission(site, "METAL", kg(lot(t, "2220"), "10")),
                transform(site, "ALLOY", List.of(kg(lot(t, "2220"), "10")), List.of(kg(otherLot, "10"))),
                export);
    }

    private OrganisationId organisation(String region) {
        String name = "Baotou Magnet " + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult created = mvc.post()
                .uri("/api/v1/admin/organisations")
                .with(DemoLogins.as(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "%s", "kind": "EXPORTER", "country": "CN", "region": "%s"}""".formatted(name, region))
                .exchange();
        assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
        return OrganisationId.of(JsonPath.read(body(created), "$.id"));
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

    @ParameterizedTest(name = "{0} {1} ({2} lot) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToRoleAndJurisdiction(
            String method, String template, String whose, String caller, String act) {
        boolean own = whose.equals("own");
        String path = template.formatted(own ? ownLot : otherLot);
        boolean page = !path.startsWith("/api/");
        RequestPostProcessor auth = request -> {
            if (page) {
                if (!caller.equals(ANONYMOUS)) {
                    request.setSession(session(DemoLogins.username(caller)));
                }
                return request;
            }
            return caller.equals(ANONYMOUS)
                    ? request
                    : DemoLogins.as(mvc, DemoLogins.username(caller)).postProcessRequest(request);
        };
        MvcTestResult result = mvc.get().uri(path).with(auth).exchange();
        int status = result.getResponse().getStatus();
        String body = body(result);
        String seen = status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        int expected = expected(caller, act, own, page);
        assertThat(status).as(seen).isEqualTo(expected);
        if (expected == 302) {
            assertThat(result.getResponse().getRedirectedUrl()).as(seen).endsWith("/login");
        }
        if (act.equals("EXPORTS") && status == 200) {
            boolean seesOther = Role.valueOf(caller) == Role.ENFORCEMENT;
            assertThat(body.contains(otherExport))
                    .as("export of Inner Mongolia")
                    .isEqualTo(seesOther);
        }
    }

    private static int expected(String caller, String act, boolean own, boolean page) {
        if (caller.equals(ANONYMOUS)) {
            return page ? 302 : 401;
        }
        Role role = Role.valueOf(caller);
        if (!TRACERS.contains(role)) {
            return 403;
        }
        return switch (act) {
            case "PAGE", "EXPORTS" -> 200;
            case "TRACE", "PAGE_TRACE" -> own || role == Role.ENFORCEMENT ? 200 : 404;
            default -> throw new IllegalArgumentException(act);
        };
    }

    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
