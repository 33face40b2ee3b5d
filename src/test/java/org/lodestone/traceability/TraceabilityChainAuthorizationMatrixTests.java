package org.lodestone.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.shared.CountryCode;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.chain.TradingParty;
import org.lodestone.traceability.chain.store.ChainStore;
import org.lodestone.traceability.signals.Evidence;
import org.lodestone.traceability.signals.NewSignal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every chain registry, mass-balance and signal endpoint (API with bearer tokens, pages with a login session) ×
 * anonymous and each role × records of the caller's world (the demo magnet maker in Jiangxi, a Jiangxi signal) or
 * another one (an enterprise and a signal in Inner Mongolia, outside the Jiangxi bureau's jurisdiction but inside the
 * Ministry's) (#5). Rules: the endpoint policy's roles (403 first), then need-to-know (404), then validation: writes
 * send bodies that fail validation after authorisation, so no cell changes anything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceabilityChainAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH (%1$s enterprise, %2$s site, %3$s party, %4$s lot id, %5$s lot identifier, %6$s signal) | act | body */
    private static final String TABLE = """
            GET  /api/v1/traceability/enterprises                      | LIST     |
            GET  /api/v1/traceability/enterprises/%1$s                 | READ     |
            PUT  /api/v1/traceability/enterprises/%1$s                 | MANAGE   | {}
            GET  /api/v1/traceability/enterprises/%1$s/sites           | READ     |
            POST /api/v1/traceability/enterprises/%1$s/sites           | MANAGE   | {}
            PUT  /api/v1/traceability/enterprises/%1$s/sites/%2$s      | MANAGE   | {}
            GET  /api/v1/traceability/enterprises/%1$s/quotas          | READ     |
            PUT  /api/v1/traceability/enterprises/%1$s/quotas          | QUOTA    | {}
            GET  /api/v1/traceability/enterprises/%1$s/parties         | READ     |
            POST /api/v1/traceability/enterprises/%1$s/parties         | MANAGE   | {}
            PUT  /api/v1/traceability/enterprises/%1$s/parties/%3$s    | MANAGE   | {}
            GET  /api/v1/traceability/enterprises/%1$s/lots            | READ     |
            POST /api/v1/traceability/enterprises/%1$s/lots            | MANAGE   | {}
            PUT  /api/v1/traceability/enterprises/%1$s/lots/%4$s       | MANAGE   | {}
            GET  /api/v1/traceability/lots?identifier=%5$s             | READ     |
            GET  /api/v1/traceability/mass-balance?enterprise=%1$s&from=2030-01-01&to=2030-12-31 | BALANCE |
            GET  /api/v1/traceability/signals                          | SIGNALS  |
            GET  /api/v1/traceability/signals/%6$s                     | SIGNAL   |
            POST /api/v1/traceability/signals/%6$s/state               | DECIDE   | {"state": ""}
            GET  /traceability/signals                                 | SIGNALS  |
            GET  /traceability/signals?id=%6$s                         | SIGNAL   |
            POST /traceability/signals/%6$s/state                      | DECIDE   | state=&version=0
            GET  /traceability/registry                                | REGISTRY |
            POST /traceability/registry/sites                          | REGISTER | identifier=
            POST /traceability/registry/lots                           | REGISTER | identifier=
            """;

    private static final Set<Role> READERS =
            EnumSet.of(Role.REPORTER, Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.ADMIN);
    private static final Set<Role> ANALYSTS = EnumSet.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    private @Nullable DemoSessions sessions;
    private final Map<String, String[]> worlds = new java.util.HashMap<>();

    @BeforeAll
    void worlds() {
        ChainStore store = context.getBean(ChainStore.class);
        Signals signals = context.getBean(Signals.class);
        var own = store.enterpriseByName("Demo Rare Earth Magnet Works Co., Ltd.")
                .orElseThrow()
                .id();
        String ownSite =
                store.site("urn:epc:id:sgln:6901234.00001.0").orElseThrow().id().toString();
        String otherPrefix = TraceFixtures.prefix();
        var other = new TraceFixtures(context)
                .enterprise(otherPrefix, SiteKind.MINE, "CN-NM")
                .id();
        String otherSite =
                store.site(TraceFixtures.site(otherPrefix)).orElseThrow().id().toString();
        worlds.put("own", world(store, signals, own, ownSite, "CN-JX"));
        worlds.put("other", world(store, signals, other, otherSite, "CN-NM"));
    }

    private static String[] world(
            ChainStore store, Signals signals, OrganisationId enterprise, String site, String region) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID party = UUID.randomUUID();
        store.createParty(
                party,
                new TradingParty(
                        "urn:epc:id:pgln:4000001." + tag,
                        "Matrix party " + tag,
                        new CountryCode("DE"),
                        null,
                        enterprise),
                Instant.now());
        UUID lot = UUID.randomUUID();
        String lotIdentifier = "urn:epc:class:lgtin:4000001.012345.M" + tag;
        store.createLot(
                lot,
                new LotProfile(lotIdentifier, ProductType.MAGNET, Map.of(), enterprise),
                "REGISTRY",
                null,
                Instant.now());
        var signal = signals.raise(new NewSignal(
                SignalKind.CYCLE,
                "matrix|" + tag,
                enterprise,
                region,
                "matrix " + tag,
                "a cycle",
                List.of(new Evidence(null, "matrix"))));
        return new String[] {
            enterprise.toString(),
            site,
            party.toString(),
            lot.toString(),
            lotIdentifier,
            signal.id().toString()
        };
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

    @ParameterizedTest(name = "{0} {1} ({2}) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToRoleOrganisationAndJurisdiction(
            String method, String template, String whose, String caller, String act, String body) {
        boolean own = whose.equals("own");
        String path = template.formatted((Object[]) worlds.get(whose));
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
        var call = mvc.method(HttpMethod.valueOf(method)).uri(path).with(auth);
        if (body.startsWith("{")) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        } else if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                call.param(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        MvcTestResult result = call.exchange();
        int status = result.getResponse().getStatus();
        String seen = status + " " + excerpt(body(result));
        int expected = expected(caller, act, own, page);
        assertThat(status).as(seen).isEqualTo(expected);
        if (expected == 302) {
            assertThat(result.getResponse().getRedirectedUrl()).as(seen).endsWith("/login");
        }
        if (act.equals("LIST")
                && status == 200
                && !EnumSet.of(Role.ENFORCEMENT, Role.ADMIN).contains(Role.valueOf(caller))) {
            assertThat(body(result)).as("need-to-know").doesNotContain(worlds.get("other")[0]);
        }
    }

    private static int expected(String caller, String act, boolean own, boolean page) {
        if (caller.equals(ANONYMOUS)) {
            return page ? 302 : 401;
        }
        Role role = Role.valueOf(caller);
        boolean national = role == Role.ENFORCEMENT || role == Role.ADMIN;
        return switch (act) {
            case "LIST" -> READERS.contains(role) ? 200 : 403;
            case "READ" -> !READERS.contains(role) ? 403 : own || national ? 200 : 404;
            case "MANAGE" -> role != Role.REPORTER ? 403 : own ? 422 : 404;
            case "QUOTA" -> role != Role.SUPERVISOR && role != Role.ADMIN ? 403 : own || national ? 422 : 404;
            case "BALANCE" -> !READERS.contains(role) || role == Role.ADMIN ? 403 : own || national ? 200 : 404;
            case "SIGNALS" -> ANALYSTS.contains(role) ? 200 : 403;
            case "SIGNAL" -> !ANALYSTS.contains(role) ? 403 : own || national ? 200 : 404;
            case "DECIDE" -> !ANALYSTS.contains(role) ? 403 : own || national ? 422 : 404;
            case "REGISTRY" -> role == Role.REPORTER ? 200 : 403;
            case "REGISTER" -> role == Role.REPORTER ? 422 : 403;
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
