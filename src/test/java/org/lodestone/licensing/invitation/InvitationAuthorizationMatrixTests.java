package org.lodestone.licensing.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every invitation and contribution endpoint, and the evidence endpoints whose meaning sealed documents change (#6),
 * API and pages × callers × the demo exporter's application as a DRAFT (accepting evidence) and SUBMITTED (routed to
 * the Jiangxi bureau). Callers: anonymous; every demo role — the applicant owns the application, the demo consignee is
 * its invited contributor (for the END_USER party); an applicant of another exporter; another foreign party's
 * CONSIGNEE who guesses the ids (IDOR); a REVIEWER of the ministry, an authority of another jurisdiction. Strangers
 * get 404, readers who may not act 403 (the exporter reading or removing sealed evidence included), writes to a
 * submitted application 409. Side effects are checked: refused writes change nothing, accepted links are consumed,
 * and only successful downloads leave a DOCUMENT_READ.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationAuthorizationMatrixTests {

    /**
     * METHOD PATH | action | states | answer when allowed. {app} application, {inv} a pending invitation of it,
     * {token} a pending link, {doc} a sealed document of the contributor.
     */
    private static final String TABLE = """
            POST   /api/v1/applications/{app}/invitations              | INVITE        | D S | 201
            GET    /api/v1/applications/{app}/invitations              | LIST          | D S | 200
            DELETE /api/v1/applications/{app}/invitations/{inv}        | REVOKE        | D   | 204
            POST   /api/v1/invitations/{token}/acceptance              | ACCEPT        | D   | 201
            GET    /api/v1/contributions                               | MY_CASES      | D S | 200
            GET    /api/v1/contributions/{app}                         | MY_CASE       | D S | 200
            POST   /api/v1/applications/{app}/documents                | UPLOAD        | D S | 201
            GET    /api/v1/documents/{doc}                             | DESCRIBE      | D S | 200
            GET    /api/v1/documents/{doc}/content?purpose={app}       | READ          | D S | 200
            DELETE /api/v1/applications/{app}/documents/{doc}          | REMOVE        | D S | 204
            POST   /applications/{app}/invitations                     | INVITE        | D S | 302 -> /applications/{app}#invitations
            POST   /applications/{app}/invitations/{inv}/revoke        | REVOKE        | D   | 302 -> /applications/{app}#invitations
            GET    /invitations/{token}                                | LANDING       | D S | 200
            GET    /invitations/{token}/accept                         | SIGN_IN       | D S | 302 -> /invitations/{token}
            POST   /invitations/{token}/accept                         | ACCEPT        | D   | 302 -> /contributions/{app}
            POST   /invitations/{token}/account                        | ACCOUNT       | D   | 200
            GET    /contributions                                      | MY_CASES      | D S | 200
            GET    /contributions/{app}                                | MY_CASE       | D S | 200
            POST   /contributions/{app}/documents                      | UPLOAD_SEALED | D S | 302 -> /contributions/{app}
            POST   /contributions/{app}/documents/{doc}/remove         | REMOVE_SEALED | D S | 302 -> /contributions/{app}
            POST   /applications/{app}/documents/{doc}/remove          | REMOVE        | D S | 302 -> /applications/{app}/documents
            GET    /documents/{doc}/content?purpose={app}              | READ          | D S | 200
            """;

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final String OTHER_APPLICANT = "OTHER_APPLICANT";
    private static final String OTHER_FOREIGN = "OTHER_FOREIGN";
    private static final String OTHER_REVIEWER = "OTHER_REVIEWER";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    EvidenceCatalogue catalogue;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private InvitationFixtures inv;
    private DemoSessions demoSessions;
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, MockHttpSession> sessions = new HashMap<>();

    /** Who calls: a role (null for anonymous) and the username (demo user or one made here). */
    record Caller(
            String name,
            @Nullable Role role,
            @Nullable String username,
            @Nullable String password) {}

    /**
     * The demo exporter's application, its END_USER party, a pending link and the contributor's standing document;
     * links that are accepted in a cell are for a scratch draft, so no caller becomes a contributor of the application
     * by accepting (which any foreign party holding a link may do).
     */
    record Target(
            boolean draft,
            String app,
            String endUser,
            String token,
            String doc,
            String scratch,
            String scratchEndUser) {}

    @BeforeAll
    void world() {
        inv = new InvitationFixtures(mvc);
        demoSessions = new DemoSessions(mvc);
        callers.put(ANONYMOUS, new Caller(ANONYMOUS, null, null, null));
        for (Role role : Role.values()) {
            callers.put(role.name(), new Caller(role.name(), role, DemoLogins.username(role.name()), "demo"));
        }
        String otherApplicant = inv.fx.otherExporter("CN-XZ");
        callers.put(
                OTHER_APPLICANT,
                new Caller(
                        OTHER_APPLICANT,
                        Role.APPLICANT,
                        otherApplicant,
                        "other-password-" + otherApplicant.substring("other-".length())));
        String otherForeign = inv.otherForeignParty();
        callers.put(
                OTHER_FOREIGN,
                new Caller(OTHER_FOREIGN, Role.CONSIGNEE, otherForeign, InvitationFixtures.password(otherForeign)));
        String ministry = inv.ministryReviewer();
        callers.put(
                OTHER_REVIEWER,
                new Caller(OTHER_REVIEWER, Role.REVIEWER, ministry, InvitationFixtures.password(ministry)));

        for (boolean draft : List.of(true, false)) {
            String app = inv.fx.complete("applicant");
            String endUser = inv.party("applicant", app, "END_USER");
            var contributor = inv.invite("applicant", app, endUser);
            assertThat(inv.accept("consignee", contributor.token())).hasStatus(201);
            String doc = inv.uploadSealed("consignee", app, DocumentType.END_USER_CERTIFICATE, endUser);
            String pending = inv.invite("applicant", app, endUser).token();
            if (!draft) {
                MvcTestResult submitted = inv.fx.submit("applicant", app, null);
                assertThat(submitted).as(body(submitted)).hasStatusOk();
            }
            String scratch = inv.fx.complete("applicant");
            targets.put(
                    draft ? "D" : "S",
                    new Target(
                            draft, app, endUser, pending, doc, scratch, inv.party("applicant", scratch, "END_USER")));
        }
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            String action = cells[1].strip();
            Set<String> states = Set.of(cells[2].strip().split("\\s+"));
            String allowed = cells[3].strip();
            for (String state : List.of("D", "S")) {
                if (!states.contains(state)) {
                    continue;
                }
                for (String caller : callers.keySet()) {
                    cases.add(Arguments.of(request[0], request[1], state, caller, action, allowed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToNeedToKnow(
            String method, String template, String state, String callerName, String action, String allowed) {
        Target target = targets.get(state);
        Caller caller = callers.get(callerName);
        boolean api = template.startsWith("/api/");

        // fresh objects for acts that consume them, so an allowed act never meets one already used
        String token = target.token();
        String invitation = "";
        boolean accepting = action.equals("ACCEPT") || action.equals("ACCOUNT");
        String app = accepting ? target.scratch() : target.app();
        if (accepting || action.equals("REVOKE")) {
            var fresh = inv.invite("applicant", app, accepting ? target.scratchEndUser() : target.endUser());
            token = fresh.token();
            invitation = fresh.id();
        }
        String doc = target.doc();
        if ((action.equals("REMOVE") || action.equals("REMOVE_SEALED")) && target.draft()) {
            doc = inv.uploadSealed("consignee", target.app(), DocumentType.END_USER_CERTIFICATE, target.endUser());
        }
        String path = template.replace("{app}", app)
                .replace("{inv}", invitation)
                .replace("{token}", token)
                .replace("{doc}", doc);

        int invitations = invitations(target.app());
        int onFile = catalogue.onFile(ApplicationId.of(target.app())).size();
        long reads = caller.username() == null ? 0 : reads(doc, caller.username());

        MvcTestResult result = call(caller, method, path, action, api, target);

        int status = result.getResponse().getStatus();
        String redirect = status / 100 == 3 ? result.getResponse().getRedirectedUrl() : null;
        String seen = status + (redirect == null ? "" : " -> " + redirect.replaceFirst("^https?://[^/]+", ""));
        String allowedHere = allowed.replace("{app}", app).replace("{token}", token);
        String expected = expected(caller, action, target, allowedHere, api);
        assertThat(seen).as(body(result)).isEqualTo(expected);

        boolean succeeded = expected.equals(allowedHere);
        switch (action) {
            case "INVITE" -> {
                boolean created = succeeded && (api || target.draft());
                assertThat(invitations(target.app())).isEqualTo(created ? invitations + 1 : invitations);
            }
            case "ACCEPT", "ACCOUNT" -> assertThat(state(app, token)).isEqualTo(succeeded ? "accepted" : "pending");
            case "REVOKE" -> assertThat(state(target.app(), token)).isEqualTo(succeeded ? "revoked" : "pending");
            case "UPLOAD", "UPLOAD_SEALED" ->
                assertThat(catalogue.onFile(ApplicationId.of(target.app()))).hasSize(succeeded ? onFile + 1 : onFile);
            case "REMOVE", "REMOVE_SEALED" -> {
                var ids = catalogue.onFile(ApplicationId.of(target.app())).stream()
                        .map(d -> d.id().toString())
                        .toList();
                assertThat(ids.contains(doc)).as("still on file").isEqualTo(!succeeded);
            }
            case "READ" -> {
                if (caller.username() != null) {
                    assertThat(reads(doc, caller.username())).isEqualTo(succeeded ? reads + 1 : reads);
                }
            }
            case "MY_CASES" -> {
                if (succeeded) {
                    assertThat(body(result).contains(target.app()))
                            .as("lists the case")
                            .isEqualTo(callerName.equals("CONSIGNEE"));
                }
            }
            case "DESCRIBE" -> {
                if (succeeded) {
                    assertThat(body(result).contains("secret-certificate"))
                            .as("the name is withheld from the exporter only")
                            .isEqualTo(!callerName.equals("APPLICANT"));
                }
            }
            default -> {}
        }
    }

    private static String expected(Caller caller, String action, Target target, String allowed, boolean api) {
        Role role = caller.role();
        if (role == null) {
            if (action.equals("LANDING") || action.equals("ACCOUNT")) {
                return allowed;
            }
            return api ? "401" : "302 -> /login";
        }
        boolean owner = caller.name().equals("APPLICANT");
        boolean contributor = caller.name().equals("CONSIGNEE");
        boolean reader = owner
                || (!target.draft()
                        && Set.of("REVIEWER", "SUPERVISOR", "ENFORCEMENT", "AUDITOR")
                                .contains(caller.name()));
        return switch (action) {
            case "LANDING", "ACCOUNT", "SIGN_IN" -> allowed;
            case "INVITE" -> {
                if (role != Role.APPLICANT) {
                    yield "403";
                }
                if (!owner) {
                    yield "404";
                }
                yield target.draft() || !api ? allowed : "409"; // the page shows the 409 on the application page
            }
            case "LIST" -> reader ? allowed : "404";
            case "REVOKE" -> role != Role.APPLICANT ? "403" : owner ? allowed : "404";
            case "ACCEPT" -> role == Role.CONSIGNEE ? allowed : "403"; // the link is the credential
            case "MY_CASES" -> role == Role.CONSIGNEE ? allowed : "403";
            case "MY_CASE" -> role != Role.CONSIGNEE ? "403" : contributor ? allowed : "404";
            case "UPLOAD" -> {
                if (role != Role.APPLICANT && role != Role.CONSIGNEE) {
                    yield "403";
                }
                if (!owner && !contributor) {
                    yield "404";
                }
                yield target.draft() ? allowed : "409";
            }
            case "UPLOAD_SEALED", "REMOVE_SEALED" -> {
                if (role != Role.CONSIGNEE) {
                    yield "403";
                }
                if (!contributor) {
                    yield "404";
                }
                yield target.draft() ? allowed : "409";
            }
            case "DESCRIBE" -> contributor || reader ? allowed : "404";
            case "READ" -> owner ? "403" : contributor || reader ? allowed : "404";
            case "REMOVE" -> {
                // the API admits contributors; the applicant's page form only applicants
                if (role != Role.APPLICANT && !(api && role == Role.CONSIGNEE)) {
                    yield "403";
                }
                if (owner) {
                    yield "403"; // sealed: only the foreign party that uploaded it removes it
                }
                if (!contributor) {
                    yield "404";
                }
                yield target.draft() ? allowed : "409";
            }
            default -> throw new IllegalArgumentException(action);
        };
    }

    private MvcTestResult call(Caller caller, String method, String path, String action, boolean api, Target target) {
        return switch (action) {
            case "INVITE" ->
                api
                        ? as(
                                        caller,
                                        api,
                                        mvc.post()
                                                .uri(path)
                                                .contentType(MediaType.APPLICATION_JSON)
                                                .content("{\"partyId\": \"" + target.endUser()
                                                        + "\", \"email\": \"m@example.de\"}"))
                                .exchange()
                        : as(
                                        caller,
                                        api,
                                        mvc.post()
                                                .uri(path)
                                                .param("partyId", target.endUser())
                                                .param("email", "m@example.de"))
                                .exchange();
            case "UPLOAD", "UPLOAD_SEALED" ->
                as(
                                caller,
                                api,
                                mvc.post()
                                        .uri(path)
                                        .multipart()
                                        .file(new MockMultipartFile(
                                                "file",
                                                "matrix.pdf",
                                                "application/pdf",
                                                EvidenceFixtures.pdf("matrix " + UUID.randomUUID())))
                                        .param("type", DocumentType.CUSTOMER_ORDER.name()))
                        .exchange();
            case "ACCOUNT" -> {
                String username = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
                yield as(
                                caller,
                                api,
                                mvc.post()
                                        .uri(path)
                                        .param("username", username)
                                        .param("displayName", "Matrix " + username)
                                        .param("organisationName", "Matrix Org " + username)
                                        .param("password", InvitationFixtures.password(username))
                                        .param("passwordRepeated", InvitationFixtures.password(username)))
                        .exchange();
            }
            default ->
                as(caller, api, mvc.method(HttpMethod.valueOf(method)).uri(path))
                        .exchange();
        };
    }

    /** Bearer token on the API; a form-login session and CSRF token on pages; nothing for anonymous. */
    private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Caller caller, boolean api, B request) {
        if (!api) {
            request.with(csrf());
        }
        if (caller.username() == null) {
            return request;
        }
        return api ? request.with(inv.fx.as(caller.username())) : request.session(session(caller));
    }

    private MockHttpSession session(Caller caller) {
        if ("demo".equals(caller.password())) {
            return demoSessions.of(caller.username());
        }
        return sessions.computeIfAbsent(caller.username(), u -> inv.session(u, caller.password()));
    }

    private int invitations(String app) {
        return jdbc.sql("SELECT COUNT(*) FROM la_invitation WHERE application_id = :a")
                .param("a", UUID.fromString(app))
                .query(Long.class)
                .single()
                .intValue();
    }

    private String state(String app, String token) {
        return jdbc.sql("""
                        SELECT CASE WHEN accepted_at IS NOT NULL THEN 'accepted'
                                    WHEN revoked_at IS NOT NULL THEN 'revoked' ELSE 'pending' END
                        FROM la_invitation WHERE application_id = :a AND token_hash = :h""")
                .param("a", UUID.fromString(app))
                .param("h", Invitations.hash(token))
                .query(String.class)
                .single();
    }

    private long reads(String doc, String username) {
        return audit.find(new AuditQuery("DOCUMENT", doc, username, null, null, AuditQuery.MAX_LIMIT)).stream()
                .map(AuditEntry::action)
                .filter("DOCUMENT_READ"::equals)
                .count();
    }
}
