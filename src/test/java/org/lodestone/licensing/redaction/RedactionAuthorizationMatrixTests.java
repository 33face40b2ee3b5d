package org.lodestone.licensing.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.licensing.review.ReviewFixtures;
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

/**
 * #6: every redaction endpoint and page, and every evidence and application read that redaction narrows, × anonymous,
 * each demo role, an applicant of another exporter and a reviewer of another jurisdiction. The case: a demo exporter's
 * application with a PDF redacted for consulted authorities (original kept), another superseded by its copy, customer
 * orders and the relationship notes redacted for consulted authorities; submitted, in review at the Jiangxi bureau, and
 * the ministry consulted. So the bureau (REVIEWER, SUPERVISOR) reads originals, the ministry (ENFORCEMENT consulted,
 * AUDITOR national oversight of a consulted organisation) reads only copies and "[redacted]", strangers get 404,
 * non-applicants writing 403, anonymous 401 (API) or the login page; the UI forms refuse a missing CSRF token.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactionAuthorizationMatrixTests {

    private static final String ANONYMOUS = "anonymous";
    private static final String OTHER_APPLICANT = "other applicant";
    private static final String OTHER_REVIEWER = "other reviewer";
    private static final String SECRET = "Zircon Holdings";

    /**
     * METHOD PATH | answer for: owner, competent authority (bureau), audience (ministry), stranger. {draft} is a draft
     * of the demo exporter, {app} the case in review; {orig} the original kept, {copy} its copy, {gone} the original
     * superseded, {order} a customer order withheld from consulted authorities, {fresh} a new PDF on the draft.
     * Downloads name the case as their purpose, which authority staff must (access transparency).
     */
    private static final String TABLE = """
            GET  /api/v1/applications/{app}/documents/{orig}/redactions | 200 | 200 | 404 | 404
            GET  /api/v1/applications/{app}/documents/{copy}/redactions | 200 | 200 | 404 | 404
            GET  /api/v1/applications/{app}/redactions                  | 200 | 200 | 404 | 404
            GET  /api/v1/applications/{app}/field-redactions            | 200 | 200 | 404 | 404
            GET  /api/v1/documents/{orig}/content?purpose={app}         | 200 | 200 | 404 | 404
            GET  /api/v1/documents/{orig}                               | 200 | 200 | 404 | 404
            GET  /api/v1/documents/{copy}/content?purpose={app}         | 200 | 200 | 200 | 404
            GET  /api/v1/documents/{gone}/content?purpose={app}         | 410 | 410 | 404 | 404
            GET  /api/v1/documents/{gone}                               | 200 | 200 | 404 | 404
            GET  /api/v1/documents/{order}/content?purpose={app}        | 200 | 200 | 404 | 404
            GET  /documents/{orig}/content?purpose={app}                | 200 | 200 | 404 | 404
            GET  /documents/{copy}/content?purpose={app}                | 200 | 200 | 200 | 404
            POST /api/v1/applications/{draft}/documents/{fresh}/redactions | 201 | 403 | 403 | 404
            POST /api/v1/applications/{app}/documents/{orig}/redactions | 409 | 403 | 403 | 404
            PUT  /api/v1/applications/{draft}/field-redactions          | 200 | 403 | 403 | 404
            PUT  /api/v1/applications/{app}/field-redactions            | 409 | 403 | 403 | 404
            GET  /applications/{draft}/documents/{fresh}/redact        | 200 | 403 | 403 | 404
            POST /applications/{draft}/documents/{fresh}/redact         | 200 | 403 | 403 | 404
            POST /applications/{draft}/field-redactions                 | 302 -> /applications/{draft}#field-redactions | 403 | 403 | 404
            """;

    @Autowired
    MockMvcTester mvc;

    private ApplicationFixtures fx;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String otherApplicant;
    private String otherReviewer;
    private @Nullable DemoSessions sessions;

    @BeforeAll
    void theCase() {
        fx = new ApplicationFixtures(mvc);
        ReviewFixtures review = new ReviewFixtures(mvc);
        ids.put("draft", fx.complete("applicant"));
        String app = fx.complete("applicant");
        ids.put("app", app);
        String orig = upload(app, "Supplier " + SECRET + ", Ganzhou; price list attached");
        MvcTestResult kept = redact(app, orig, "CONSULTED_AUTHORITY", true);
        assertThat(kept).as(body(kept)).hasStatus(201);
        ids.put("orig", orig);
        ids.put("copy", read(kept, "$.copy.id"));
        String gone = upload(app, "Second contract with " + SECRET);
        MvcTestResult superseded = redact(app, gone, "CONSULTED_AUTHORITY", false);
        assertThat(superseded).as(body(superseded)).hasStatus(201);
        ids.put("gone", gone);
        ids.put("goneCopy", read(superseded, "$.copy.id"));
        List<String> orders = read(
                fx.get("applicant", "/api/v1/applications/" + app + "/documents"),
                "$[?(@.type == 'CUSTOMER_ORDER')].id");
        ids.put("order", orders.getFirst());
        MvcTestResult marked = putJson("applicant", "/api/v1/applications/" + app + "/field-redactions", """
                {"RELATIONSHIP_NOTES": ["CONSULTED_AUTHORITY"], "CUSTOMER_ORDER_DOCUMENTS": ["CONSULTED_AUTHORITY"],
                 "PARTY_CONTACTS": ["FOREIGN_PARTY"]}""");
        assertThat(marked).as(body(marked)).hasStatusOk();

        MvcTestResult submitted = fx.submit("applicant", app, null);
        assertThat(submitted).as(body(submitted)).hasStatusOk();
        assertThat(review.assign("reviewer", app, "reviewer")).hasStatusOk();
        String ministry = read(fx.get("enforcement", "/api/v1/me"), "$.organisationId");
        MvcTestResult consult =
                review.post("reviewer", "/api/v1/applications/" + app + "/consultations", """
                {"authority": "%s", "question": "Do you know the end user?"}""".formatted(ministry));
        assertThat(consult).as(body(consult)).hasStatus(201);

        otherApplicant = fx.otherExporter("CN-XZ");
        otherReviewer = otherAuthorityReviewer();
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        List<String> callers = new ArrayList<>();
        callers.add(ANONYMOUS);
        for (Role role : Role.values()) {
            callers.add(role.name());
        }
        callers.add(OTHER_APPLICANT);
        callers.add(OTHER_REVIEWER);
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String[] request = cells[0].strip().split("\\s+");
            for (String caller : callers) {
                cases.add(Arguments.of(
                        request[0],
                        request[1],
                        caller,
                        cells[1].strip(),
                        cells[2].strip(),
                        cells[3].strip(),
                        cells[4].strip()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("matrix")
    void answersAccordingToOwnershipAndAudience(
            String method,
            String template,
            String caller,
            String owner,
            String authority,
            String audience,
            String stranger) {
        String path = template;
        if (path.contains("{fresh}")) {
            path = path.replace("{fresh}", upload(ids.get("draft"), "Fresh contract with " + SECRET));
        }
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        boolean api = path.startsWith("/api/");
        MvcTestResult result = call(method, path, caller, api, true);

        int status = result.getResponse().getStatus();
        String redirect = status / 100 == 3 ? result.getResponse().getRedirectedUrl() : null;
        String seen = status + (redirect == null ? "" : " -> " + redirect.replaceFirst("^https?://[^/]+", ""));
        String expected = switch (kind(caller)) {
            case "anonymous" -> api ? "401" : "302 -> /login";
            case "owner" -> owner;
            case "authority" -> authority;
            case "audience" -> audience;
            default -> authority.equals("403") && !caller.equals(OTHER_APPLICANT) ? "403" : stranger;
        };
        expected = expected.replace("{draft}", ids.get("draft"));
        assertThat(seen).as(body(result)).isEqualTo(expected);
        if (seen.startsWith("200") && path.contains("/content")) {
            assertThat(text(result.getResponse().getContentAsByteArray()).contains(SECRET))
                    .as("the secret is in the content served")
                    .isEqualTo(path.contains(ids.get("orig")));
        }
    }

    @Test
    void theConsultedAuthoritySeesCopiesAndRedactedFieldsTheBureauTheOriginals() {
        String app = ids.get("app");
        MvcTestResult consulted = fx.get("enforcement", "/api/v1/applications/" + app);
        assertThat(consulted).hasStatusOk();
        assertThat((String) read(consulted, "$.relationship.notes")).isEqualTo("[redacted]");
        assertThat(body(consulted)).doesNotContain("Long-standing customer").contains("anna@example.de");
        MvcTestResult bureau = fx.get("reviewer", "/api/v1/applications/" + app);
        assertThat((String) read(bureau, "$.relationship.notes")).isEqualTo("Long-standing customer");
        MvcTestResult revision = fx.get("auditor", "/api/v1/applications/" + app + "/versions/1");
        assertThat(revision).hasStatusOk();
        assertThat(body(revision)).doesNotContain("Long-standing customer").contains("[redacted]");

        List<String> seenByMinistry =
                read(fx.get("enforcement", "/api/v1/applications/" + app + "/documents"), "$[*].id");
        assertThat(seenByMinistry)
                .contains(ids.get("copy"), ids.get("goneCopy"))
                .doesNotContain(ids.get("orig"), ids.get("gone"), ids.get("order"));
        List<String> seenByBureau = read(fx.get("reviewer", "/api/v1/applications/" + app + "/documents"), "$[*].id");
        assertThat(seenByBureau)
                .contains(ids.get("orig"), ids.get("copy"), ids.get("goneCopy"), ids.get("order"))
                .doesNotContain(ids.get("gone")); // superseded: removed from the application

        // pages too
        MvcTestResult page = mvc.get()
                .uri("/applications/" + app)
                .session(session("enforcement"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("[redacted]").doesNotContain("Long-standing customer");
        MvcTestResult bureauPage = mvc.get()
                .uri("/applications/" + app)
                .session(session("reviewer"))
                .exchange();
        assertThat(body(bureauPage)).contains("Long-standing customer").contains("field-redactions");
    }

    @Test
    void theFormShowsWhatWasFoundAndLinksTheCopyAndNamesWhatIsWrong() {
        String draft = ids.get("draft");
        String fresh = upload(draft, "Ship to " + SECRET + " via " + SECRET);
        String path = "/applications/" + draft + "/documents/" + fresh + "/redact";
        MvcTestResult form = mvc.get().uri(path).session(session("applicant")).exchange();
        assertThat(form).hasStatusOk();
        assertThat(body(form)).contains("redaction-form").contains("CONSULTED_AUTHORITY");
        MvcTestResult bad = mvc.post()
                .uri(path)
                .session(session("applicant"))
                .with(csrf())
                .param("terms", SECRET)
                .param("areas", "1, 500, 10, 300")
                .param("audiences", "FOREIGN_PARTY")
                .param("keepOriginal", "true")
                .exchange();
        assertThat(bad).hasStatus(422);
        assertThat(body(bad)).contains("areas[0]").contains(SECRET); // the form keeps what was typed
        MvcTestResult done = mvc.post()
                .uri(path)
                .session(session("applicant"))
                .with(csrf())
                .param("terms", SECRET + "\n\nnot in it")
                .param("areas", "1, 10, 10, 50, 20")
                .param("audiences", "FOREIGN_PARTY")
                .param("keepOriginal", "false")
                .exchange();
        assertThat(done).as(body(done)).hasStatusOk();
        String html = body(done);
        assertThat(html).contains("redaction-result").contains("p. 1: 2").contains("contract-redacted.pdf");
        String copy = read(
                fx.get("applicant", "/api/v1/applications/" + draft + "/documents/" + fresh + "/redactions"),
                "$[0].copyId");
        assertThat(html).contains("/documents/" + copy + "/content");
        assertThat(fx.get("applicant", "/api/v1/documents/" + fresh + "/content"))
                .hasStatus(410);
    }

    @Test
    void strangersLearnNothingFromAnInvalidRequest() {
        String draft = ids.get("draft");
        String doc = ids.get("orig");
        assertThat(fx.post(otherApplicant, "/api/v1/applications/" + draft + "/documents/" + doc + "/redactions", "{}"))
                .hasStatus(404);
        assertThat(putJson(otherApplicant, "/api/v1/applications/" + draft + "/field-redactions", "{\"NO_SUCH\": []}"))
                .hasStatus(404);
        assertThat(fx.post("applicant", "/api/v1/applications/" + draft + "/documents/" + doc + "/redactions", "{}"))
                .as("a document of another application of one's own")
                .hasStatus(404);
        assertThat(putJson("applicant", "/api/v1/applications/" + draft + "/field-redactions", "{\"NO_SUCH\": []}"))
                .hasStatus(422);
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        String draft = ids.get("draft");
        String fresh = upload(draft, "Another " + SECRET);
        assertThat(call(
                        "POST",
                        "/applications/" + draft + "/documents/" + fresh + "/redact",
                        "APPLICANT",
                        false,
                        false))
                .hasStatus(403);
        assertThat(call("POST", "/applications/" + draft + "/field-redactions", "APPLICANT", false, false))
                .hasStatus(403);
        assertThat(body(fx.get("applicant", "/api/v1/applications/" + draft + "/documents/" + fresh + "/redactions")))
                .isEqualTo("[]");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String text(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String kind(String caller) {
        return switch (caller) {
            case ANONYMOUS -> "anonymous";
            case "APPLICANT" -> "owner";
            case "REVIEWER", "SUPERVISOR" -> "authority";
            case "ENFORCEMENT", "AUDITOR" -> "audience";
            default -> "stranger";
        };
    }

    private MvcTestResult call(String method, String path, String caller, boolean api, boolean withCsrf) {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(path);
        if (path.endsWith("/redactions") && method.equals("POST")) {
            request.contentType(MediaType.APPLICATION_JSON).content("""
                    {"terms": ["%s"], "audiences": ["CONSULTED_AUTHORITY"], "keepOriginal": true}""".formatted(SECRET));
        } else if (path.endsWith("/field-redactions") && method.equals("PUT")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"END_USE_STATEMENT\": [\"FOREIGN_PARTY\"]}");
        } else if (path.endsWith("/redact") && method.equals("POST")) {
            request.param("terms", SECRET)
                    .param("audiences", "CONSULTED_AUTHORITY")
                    .param("keepOriginal", "true");
        } else if (path.endsWith("/field-redactions") && method.equals("POST")) {
            request.param("mark", "PRODUCTION_PROCESS:CONSULTED_AUTHORITY");
        }
        if (!api && withCsrf) {
            request.with(csrf());
        }
        if (!caller.equals(ANONYMOUS)) {
            String username = username(caller);
            if (api) {
                request.with(fx.as(username));
            } else {
                request.session(session(username));
            }
        }
        return request.exchange();
    }

    private String username(String caller) {
        return switch (caller) {
            case OTHER_APPLICANT -> otherApplicant;
            case OTHER_REVIEWER -> otherReviewer;
            default -> DemoLogins.username(caller);
        };
    }

    private MockHttpSession session(String username) {
        if (sessions == null) {
            sessions = new DemoSessions(mvc);
        }
        if (username.startsWith("other-") || username.startsWith("bureau-")) {
            return login(username, passwords.get(username));
        }
        return sessions.of(username);
    }

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, MockHttpSession> otherSessions = new LinkedHashMap<>();

    private MockHttpSession login(String username, String password) {
        return otherSessions.computeIfAbsent(username, u -> {
            MvcTestResult login = mvc.post()
                    .uri("/login")
                    .param("username", u)
                    .param("password", password)
                    .with(csrf())
                    .exchange();
            return (MockHttpSession) login.getRequest().getSession(false);
        });
    }

    private String otherAuthorityReviewer() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult org = fx.post("admin", "/api/v1/admin/organisations", """
                {"name": "Other Bureau %s", "kind": "AUTHORITY", "country": "CN", "region": "CN-NX",
                 "jurisdiction": "CN-NX"}""".formatted(suffix));
        assertThat(org).as(body(org)).hasStatus(201);
        String username = "bureau-" + suffix;
        String password = "bureau-password-" + suffix;
        MvcTestResult user =
                fx.post("admin", "/api/v1/admin/users", """
                {"username": "%s", "displayName": "Other Reviewer", "password": "%s", "organisationId": "%s",
                 "roles": ["REVIEWER"]}""".formatted(username, password, read(org, "$.id")));
        assertThat(user).as(body(user)).hasStatus(201);
        fx.registerToken(username, password);
        passwords.put(username, password);
        passwords.put(otherApplicant, "other-password-" + otherApplicant.substring("other-".length()));
        return username;
    }

    private String upload(String app, String text) {
        MvcTestResult r = mvc.post()
                .uri("/api/v1/applications/" + app + "/documents")
                .with(fx.as("applicant"))
                .multipart()
                .file(new MockMultipartFile("file", "contract.pdf", "application/pdf", EvidenceFixtures.pdf(text)))
                .param("type", DocumentType.OTHER.name())
                .exchange();
        assertThat(r).as(body(r)).hasStatus(201);
        return read(r, "$.id");
    }

    private MvcTestResult redact(String app, String doc, String audience, boolean keep) {
        return fx.post("applicant", "/api/v1/applications/" + app + "/documents/" + doc + "/redactions", """
                {"terms": ["%s"], "audiences": ["%s"], "keepOriginal": %s}""".formatted(
                        SECRET, audience, keep));
    }

    private MvcTestResult putJson(String user, String uri, String json) {
        return mvc.put()
                .uri(uri)
                .with(fx.as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }
}
