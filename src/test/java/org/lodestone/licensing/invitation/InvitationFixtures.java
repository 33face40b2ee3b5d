package org.lodestone.licensing.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Invitations, foreign-party accounts and sealed uploads made through the real API, for the tests of #6. */
final class InvitationFixtures {

    private final MockMvcTester mvc;
    final ApplicationFixtures fx;

    InvitationFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
        this.fx = new ApplicationFixtures(mvc);
    }

    record Issued(String id, String token, String link) {}

    /** The party ids of the application by role, as its applicant reads them. */
    String party(String applicant, String app, String role) {
        MvcTestResult parties = fx.get(applicant, "/api/v1/applications/" + app + "/parties");
        List<String> ids = read(parties, "$[?(@.role == '" + role + "')].id");
        assertThat(ids).as(body(parties)).isNotEmpty();
        return ids.getFirst();
    }

    Issued invite(String applicant, String app, String partyId) {
        MvcTestResult r = fx.post(applicant, "/api/v1/applications/" + app + "/invitations", """
                {"partyId": "%s", "email": "invitee@example.de"}""".formatted(partyId));
        assertThat(r).as(body(r)).hasStatus(201);
        return new Issued(read(r, "$.invitation.id"), read(r, "$.token"), read(r, "$.link"));
    }

    /** Accepts through the API as a CONSIGNEE user (demo or registered with {@link ApplicationFixtures#registerToken}). */
    MvcTestResult accept(String consignee, String token) {
        return mvc.post()
                .uri("/api/v1/invitations/" + token + "/acceptance")
                .with(fx.as(consignee))
                .exchange();
    }

    /** A sealed upload by a contributor through the evidence API; returns the document id. */
    String uploadSealed(String contributor, String app, DocumentType type, @Nullable String partyId) {
        MvcTestResult r = upload(contributor, app, type, partyId);
        assertThat(r).as(body(r)).hasStatus(201);
        assertThat((Boolean) read(r, "$.sealed")).isTrue();
        return read(r, "$.id");
    }

    MvcTestResult upload(String user, String app, DocumentType type, @Nullable String partyId) {
        var request = mvc.post()
                .uri("/api/v1/applications/" + app + "/documents")
                .with(fx.as(user))
                .multipart()
                .file(new MockMultipartFile(
                        "file",
                        "secret-certificate.pdf",
                        "application/pdf",
                        EvidenceFixtures.pdf("sealed " + UUID.randomUUID())))
                .param("type", type.name())
                .param("description", "confidential customer detail");
        if (partyId != null) {
            request.param("partyId", partyId);
        }
        return request.exchange();
    }

    /** A new FOREIGN_PARTY organisation with one CONSIGNEE (created by the administrator); returns the username. */
    String otherForeignParty() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult org = fx.post("admin", "/api/v1/admin/organisations", """
                {"name": "Foreign %s", "kind": "FOREIGN_PARTY", "country": "DE"}""".formatted(suffix));
        assertThat(org).as(body(org)).hasStatus(201);
        return user("foreign-" + suffix, read(org, "$.id"), "CONSIGNEE");
    }

    /** A REVIEWER of the national ministry: an authority, but not the one competent for Jiangxi exporters. */
    String ministryReviewer() {
        MvcTestResult orgs = fx.get("admin", "/api/v1/admin/organisations");
        List<String> ids = read(orgs, "$[?(@.name == 'Ministry of Commerce')].id");
        assertThat(ids).as(body(orgs)).hasSize(1);
        return user("ministry-reviewer-" + UUID.randomUUID().toString().substring(0, 8), ids.getFirst(), "REVIEWER");
    }

    private String user(String username, String organisationId, String role) {
        MvcTestResult user = fx.post("admin", "/api/v1/admin/users", """
                {"username": "%s", "displayName": "%s", "password": "%s", "organisationId": "%s", "roles": ["%s"]}""".formatted(
                        username, username, password(username), organisationId, role));
        assertThat(user).as(body(user)).hasStatus(201);
        fx.registerToken(username, password(username));
        return username;
    }

    static String password(String username) {
        return "pw-" + username + "-long-enough";
    }

    /** A browser session by the real login form, for a user a test created. */
    MockHttpSession session(String username, String password) {
        MvcTestResult login = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .exchange();
        assertThat(login.getResponse().getRedirectedUrl())
                .as("login of " + username)
                .doesNotContain("error");
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    /** Opens an account at the link through the page (with its CSRF token); returns the answer. */
    MvcTestResult register(String token, String username, @Nullable MockHttpSession session, boolean withCsrf) {
        var request = mvc.post()
                .uri("/invitations/" + token + "/account")
                .param("username", username)
                .param("displayName", "Invited " + username)
                .param("password", password(username))
                .param("passwordRepeated", password(username))
                .param("organisationName", "Invited Org " + username);
        if (withCsrf) {
            request.with(csrf());
        }
        if (session != null) {
            request.session(session);
        }
        return request.exchange();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
