package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.support.DemoLogins;
import org.lodestone.traceability.epcis.Capturing.CaptureResult;
import org.lodestone.traceability.epcis.Capturing.ErrorBehaviour;
import org.lodestone.traceability.epcis.Capturing.Reporter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * EPCIS test helpers in the shared application context: the demo producer as a reporter, further reporting
 * enterprises and authorities created through the admin API (each test makes its own), bearer tokens for them, and
 * captures of events built with {@link TestEvents} straight through {@link Capturing}.
 */
public final class EpcisFixtures {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final MockMvcTester mvc;
    private final Identity identity;
    private final Capturing capturing;

    public EpcisFixtures(MockMvcTester mvc, Identity identity, Capturing capturing) {
        this.mvc = mvc;
        this.identity = identity;
        this.capturing = capturing;
    }

    /** A user created by a test, with its organisation. */
    public record User(String username, OrganisationId organisation, String region) {}

    public Reporter producer() {
        OrganisationProfile org = identity.organisations(OrganisationKind.EXPORTER).stream()
                .filter(o -> o.name().equals("Demo Rare Earth Magnet Works Co., Ltd."))
                .findFirst()
                .orElseThrow();
        return new Reporter(org.id(), "producer", org.region());
    }

    /** A new reporting enterprise in the region with one REPORTER user. */
    public User reporter(String region) {
        return user("EXPORTER", region, null, "REPORTER");
    }

    /** A new authority with jurisdiction and one user holding the role (REVIEWER, ENFORCEMENT). */
    public User authority(String jurisdiction, String role) {
        return user("AUTHORITY", null, jurisdiction, role);
    }

    private User user(String kind, String region, String jurisdiction, String role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String org = """
                {"name": "Test %s %s", "kind": "%s", "country": "CN"%s%s}""".formatted(
                        kind,
                        suffix,
                        kind,
                        region == null ? "" : ", \"region\": \"" + region + "\"",
                        jurisdiction == null ? "" : ", \"jurisdiction\": \"" + jurisdiction + "\"");
        MvcTestResult created = adminPost("/api/v1/admin/organisations", org);
        assertThat(created).as(body(created)).hasStatus(201);
        String orgId = JsonPath.read(body(created), "$.id");
        String username = "t-" + role.toLowerCase(java.util.Locale.ROOT) + "-" + suffix;
        String password = "test-password-" + suffix;
        MvcTestResult user = adminPost("/api/v1/admin/users", """
                {"username": "%s", "displayName": "Test user", "password": "%s", "organisationId": "%s",
                 "roles": ["%s"]}""".formatted(username, password, orgId, role));
        assertThat(user).as(body(user)).hasStatus(201);
        MvcTestResult token = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, DemoLogins.basic(username, password))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"test\"}")
                .exchange();
        assertThat(token).as(body(token)).hasStatus(201);
        TOKENS.put(username, JsonPath.read(body(token), "$.token"));
        return new User(username, new OrganisationId(UUID.fromString(orgId)), region == null ? jurisdiction : region);
    }

    public Reporter reporterOf(User u) {
        return new Reporter(u.organisation(), u.username(), u.region());
    }

    /** Bearer token of a demo user or a user a test created. */
    public RequestPostProcessor as(String username) {
        String token = TOKENS.get(username);
        if (token == null) {
            return DemoLogins.as(mvc, username);
        }
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            return request;
        };
    }

    public CaptureResult capture(Reporter reporter, ErrorBehaviour behaviour, List<EpcisEvent> events) {
        return capturing.capture(
                UUID.randomUUID(),
                reporter,
                behaviour,
                sink -> {
                    for (int i = 0; i < events.size(); i++) {
                        sink.accepted(i, events.get(i));
                    }
                },
                r -> {});
    }

    public CaptureResult capture(Reporter reporter, EpcisEvent... events) {
        return capture(reporter, ErrorBehaviour.ROLLBACK, List.of(events));
    }

    public MvcTestResult get(String username, String uri) {
        // URI.create: the tests encode values themselves (and follow Link headers the server encoded).
        return mvc.get().uri(java.net.URI.create(uri)).with(as(username)).exchange();
    }

    private MvcTestResult adminPost(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .with(DemoLogins.as(mvc, "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }
}
