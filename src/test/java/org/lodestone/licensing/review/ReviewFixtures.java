package org.lodestone.licensing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lodestone.licensing.ApplicationFixtures.body;
import static org.lodestone.licensing.ApplicationFixtures.read;

import java.util.UUID;
import org.lodestone.licensing.ApplicationFixtures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Moves cases through review over the real API, for the review tests; built on {@link ApplicationFixtures}. */
public final class ReviewFixtures {

    private final MockMvcTester mvc;
    private final ApplicationFixtures apps;

    public ReviewFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
        this.apps = new ApplicationFixtures(mvc);
    }

    public ApplicationFixtures applications() {
        return apps;
    }

    /** A submitted application of the demo exporter, taken up by the demo reviewer (IN_REVIEW). */
    public String inReview() {
        String id = apps.submitted("applicant");
        MvcTestResult r = assign("reviewer", id, "reviewer");
        assertThat(r).as(body(r)).hasStatusOk();
        return id;
    }

    public MvcTestResult assign(String user, String id, String assignee) {
        return mvc.put()
                .uri("/api/v1/applications/" + id + "/assignment")
                .with(apps.as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(assignee == null ? "{\"assignee\": null}" : "{\"assignee\": \"" + assignee + "\"}")
                .exchange();
    }

    public long version(String user, String id) {
        return ((Number) read(apps.get(user, "/api/v1/applications/" + id + "/review"), "$.version")).longValue();
    }

    public MvcTestResult post(String user, String uri, String json) {
        return apps.post(user, uri, json);
    }

    public MvcTestResult postIfMatch(String user, String uri, String json, long version) {
        return mvc.post()
                .uri(uri)
                .with(apps.as(user))
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    public MvcTestResult proposeApproval(String user, String id) {
        return post(user, "/api/v1/applications/" + id + "/decision", """
                {"outcome": "PROPOSE_APPROVAL", "version": %d,
                 "terms": {"conditions": ["Report arrival within 30 days"]}}""".formatted(version(user, id)));
    }

    public MvcTestResult countersign(String user, String id) {
        return post(user, "/api/v1/applications/" + id + "/countersignature", """
                {"outcome": "COUNTERSIGN", "version": %d}""".formatted(version(user, id)));
    }

    public MvcTestResult requestEndUserCertificate(String user, String id) {
        return post(user, "/api/v1/applications/" + id + "/information-requests", """
                {"version": %d, "message": "Please send the signed end-user certificate.",
                 "items": [{"kind": "DOCUMENT", "documentType": "END_USER_CERTIFICATE",
                            "question": "End-user certificate signed by the end user"},
                           {"kind": "CLARIFICATION", "question": "Who installs the motors?"}]}""".formatted(version(user, id)));
    }

    /** A user of the demo Jiangxi bureau with the given roles; returns the username (its token is registered). */
    public String bureauUser(String... roles) {
        String bureau = read(apps.get("reviewer", "/api/v1/me"), "$.organisationId");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "officer-" + suffix;
        String password = "officer-password-" + suffix;
        MvcTestResult user = apps.post("admin", "/api/v1/admin/users", """
                {"username": "%s", "displayName": "Officer %s", "password": "%s", "organisationId": "%s",
                 "roles": [%s]}""".formatted(
                username,
                suffix,
                password,
                bureau,
                String.join(
                        ",",
                        java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
        assertThat(user).as(body(user)).hasStatus(201);
        apps.registerToken(username, password);
        return username;
    }
}
