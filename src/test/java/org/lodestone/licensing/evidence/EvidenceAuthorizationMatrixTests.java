package org.lodestone.licensing.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.lodestone.identity.security.Principals;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.Applications;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.DemoSessions;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Every evidence-document endpoint, API and pages × anonymous and each demo role × a document on an application of the
 * caller's own world (the demo exporter, routed once submitted to the Jiangxi bureau) or of another exporter (routed
 * to the national ministry), in the states that matter: DRAFT and INFORMATION_REQUESTED accept evidence, SUBMITTED
 * does not (#3). Strangers get 404 (no oracle), readers who may not act 403, the applicant writing to an application
 * that no longer accepts evidence 409, anonymous 401 on the API and the login page for pages. Refused writes change
 * nothing, and every download that succeeds, and only those, leaves a DOCUMENT_READ in the audit trail with the
 * reader. Authority staff must name the case to download (#6): without it the API answers 422 and pages ask for it,
 * and nothing is read. Pages are driven through a real form login, the API through real bearer tokens.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";

    /** METHOD PATH ({app} = application, {doc} = one of its documents) | what it does | answer when allowed. */
    private static final String TABLE = """
            GET    /api/v1/applications/{app}/documents        | LIST     | 200
            POST   /api/v1/applications/{app}/documents        | UPLOAD   | 201
            DELETE /api/v1/applications/{app}/documents/{doc}  | REMOVE   | 204
            GET    /api/v1/documents/{doc}                     | DESCRIBE | 200
            GET    /api/v1/documents/{doc}/content?purpose={app} | DOWNLOAD | 200
            GET    /api/v1/documents/{doc}/content             | DOWNLOAD_NO_PURPOSE | 200
            GET    /applications/{app}/documents               | LIST     | 200
            POST   /applications/{app}/documents               | UPLOAD   | 302 -> /applications/{app}/documents
            POST   /applications/{app}/documents/{doc}/remove  | REMOVE   | 302 -> /applications/{app}/documents
            GET    /documents/{doc}/content?purpose={app}      | DOWNLOAD | 200
            GET    /documents/{doc}/content                    | DOWNLOAD_NO_PURPOSE | 200
            """;

    /** Staff of an authority: they state a purpose to open a document (#6), owners do not. */
    private static final Set<Role> AUTHORITY_STAFF =
            Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR);

    /** Besides the applicant, who sees the demo exporter's routed applications: its bureau and national oversight. */
    private static final Set<Role> BUREAU_AND_OVERSIGHT =
            Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT, Role.AUDITOR);

    /** Who sees another exporter's routed applications: national oversight (same country), not the Jiangxi bureau. */
    private static final Set<Role> NATIONAL_OVERSIGHT = Set.of(Role.ENFORCEMENT, Role.AUDITOR);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Applications applications;

    @Autowired
    EvidenceCatalogue catalogue;

    @Autowired
    AuditTrail audit;

    @Autowired
    Principals principals;

    private ApplicationFixtures fx;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private @Nullable DemoSessions sessions;

    /** An application in a state, with one standing document on it; {@code owner} is an applicant of its exporter. */
    record Target(boolean own, ApplicationState state, String owner, String app, String doc) {

        boolean routed() {
            return state != ApplicationState.DRAFT;
        }
    }

    @BeforeAll
    void applications() {
        fx = new ApplicationFixtures(mvc);
        String other = fx.otherExporter("CN-XZ");
        for (ApplicationState state :
                List.of(ApplicationState.DRAFT, ApplicationState.INFORMATION_REQUESTED, ApplicationState.SUBMITTED)) {
            target(true, state, "applicant");
        }
        for (ApplicationState state : List.of(ApplicationState.DRAFT, ApplicationState.SUBMITTED)) {
            target(false, state, other);
        }
    }

    private void target(boolean own, ApplicationState state, String owner) {
        String app = fx.complete(owner);
        String doc = fx.file(owner, app, DocumentType.OTHER, null, null);
        if (state != ApplicationState.DRAFT) {
            MvcTestResult submitted = fx.submit(owner, app, null);
            assertThat(submitted).as(body(submitted)).hasStatusOk();
        }
        if (state == ApplicationState.INFORMATION_REQUESTED) {
            // No review endpoints yet: the bureau's reviewer moves it through the facade, as the workflow will.
            asReviewer(() -> {
                applications.accept(ApplicationId.of(app), null, null);
                applications.requestInformation(ApplicationId.of(app), null, "Please add the production records");
            });
        }
        assertThat((String) read(fx.get(owner, "/api/v1/applications/" + app), "$.state"))
                .isEqualTo(state.name());
        targets.put((own ? "own " : "foreign ") + state, new Target(own, state, owner, app, doc));
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|", -1);
            String[] request = cells[0].strip().split("\\s+");
            String action = cells[1].strip();
            String allowed = cells[2].strip();
            for (String target : targets.keySet()) {
                cases.add(Arguments.of(request[0], request[1], target, ANONYMOUS, action, allowed));
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(request[0], request[1], target, role.name(), action, allowed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) as {3}")
    @MethodSource("matrix")
    void endpointAnswersAccordingToNeedToKnow(
            String method, String template, String targetName, String caller, String action, String allowed) {
        Target target = targets.get(targetName);
        String doc = target.doc();
        if (action.equals("REMOVE") && target.state().editable()) {
            // a document of its own per case, so a removal that is allowed never meets one already removed
            doc = fx.file(target.owner(), target.app(), DocumentType.OTHER, null, null);
        }
        String path = template.replace("{app}", target.app()).replace("{doc}", doc);
        boolean api = path.startsWith("/api/");
        String username = caller.equals(ANONYMOUS) ? ANONYMOUS : DemoLogins.username(caller);

        int onFile = onFile(target).size();
        long reads = reads(doc, username);

        MvcTestResult result = action.equals("UPLOAD")
                ? as(
                                caller,
                                api,
                                mvc.post()
                                        .uri(path)
                                        .multipart()
                                        .file(new MockMultipartFile(
                                                "file",
                                                "matrix.pdf",
                                                "application/pdf",
                                                EvidenceFixtures.pdf("matrix " + caller)))
                                        .param("type", DocumentType.OTHER.name()))
                        .exchange()
                : as(caller, api, mvc.method(HttpMethod.valueOf(method)).uri(path))
                        .exchange();

        int status = result.getResponse().getStatus();
        // the redirect of a 3xx only: a 201 carries the new document's Location, which is no redirect
        String redirect = status / 100 == 3 ? result.getResponse().getRedirectedUrl() : null;
        String seen = status + (redirect == null ? "" : " -> " + redirect.replaceFirst("^https?://[^/]+", ""));
        String expected = expected(caller, action, target, allowed, api).replace("{app}", target.app());
        assertThat(seen).as(body(result)).isEqualTo(expected);

        boolean succeeded = expected.equals(allowed.replace("{app}", target.app()));
        switch (action) {
            case "LIST" -> {
                if (succeeded) {
                    assertThat(body(result)).as("lists the document").contains(target.doc());
                }
            }
            case "UPLOAD" ->
                assertThat(onFile(target)).as("documents on file").hasSize(succeeded ? onFile + 1 : onFile);
            case "REMOVE" -> {
                var ids = onFile(target).stream().map(d -> d.id().toString()).toList();
                assertThat(ids).as("documents on file").hasSize(succeeded ? onFile - 1 : onFile);
                assertThat(ids.contains(doc))
                        .as("the document is still on file")
                        .isEqualTo(!succeeded);
            }
            case "DOWNLOAD" ->
                assertThat(reads(doc, username))
                        .as("DOCUMENT_READ entries of " + username)
                        .isEqualTo(succeeded ? reads + 1 : reads);
            case "DOWNLOAD_NO_PURPOSE" -> {
                // authority staff are asked for the purpose (422 on the API, the purpose form on pages): no read
                boolean read = succeeded && !AUTHORITY_STAFF.contains(Role.valueOf(caller));
                assertThat(reads(doc, username))
                        .as("DOCUMENT_READ entries of " + username)
                        .isEqualTo(read ? reads + 1 : reads);
                if (succeeded && !read) {
                    assertThat(body(result))
                            .as("asks for the purpose")
                            .contains(api ? "purpose-required" : "purpose-form");
                }
            }
            default -> {}
        }
    }

    /** The caller's credentials: none, a bearer token for the API, a form-login session (and CSRF token) for pages. */
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

    private static String expected(String caller, String action, Target target, String allowed, boolean api) {
        if (caller.equals(ANONYMOUS)) {
            return api ? "401" : "302 -> /login";
        }
        Role role = Role.valueOf(caller);
        boolean write = action.equals("UPLOAD") || action.equals("REMOVE");
        // the endpoint policy: only applicants attach or remove evidence — and, on the API, CONSIGNEEs as contributors
        // of sealed evidence (#6); the demo consignee contributes to none of these applications, so it is a stranger
        if (write && role != Role.APPLICANT && !(api && role == Role.CONSIGNEE)) {
            return "403";
        }
        if (!canRead(role, target)) {
            return "404";
        }
        if (write && !target.state().editable()) {
            return "409";
        }
        if (action.equals("DOWNLOAD_NO_PURPOSE") && api && AUTHORITY_STAFF.contains(role)) {
            return "422"; // #6: authority staff state the case they open a document for
        }
        return allowed;
    }

    private static boolean canRead(Role role, Target target) {
        if (target.own() && role == Role.APPLICANT) {
            return true;
        }
        if (!target.routed()) {
            return false; // a draft is its exporter's alone
        }
        return (target.own() ? BUREAU_AND_OVERSIGHT : NATIONAL_OVERSIGHT).contains(role);
    }

    private List<EvidenceOnFile> onFile(Target target) {
        return catalogue.onFile(ApplicationId.of(target.app()));
    }

    private long reads(String doc, String username) {
        return audit.find(new AuditQuery("DOCUMENT", doc, username, null, null, AuditQuery.MAX_LIMIT)).stream()
                .map(AuditEntry::action)
                .filter("DOCUMENT_READ"::equals)
                .count();
    }

    private void asReviewer(Runnable work) {
        var reviewer = principals.byUsername("reviewer").orElseThrow();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reviewer, null, reviewer.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A browser session made by the real login form. */
    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        return sessions.of(username);
    }
}
