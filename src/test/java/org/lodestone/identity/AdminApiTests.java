package org.lodestone.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.security.Principals;
import org.lodestone.identity.tokens.ApiTokens;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Administration over the API: validation naming the field, duplicates, optimistic locking, the last-admin guard. */
@IntegrationTest
class AdminApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Principals principals;

    private String admin;

    @BeforeEach
    void adminToken() {
        admin = "Bearer "
                + tokens.issue(
                                principals
                                        .byUsername("admin")
                                        .orElseThrow()
                                        .user()
                                        .id(),
                                "admin-tests",
                                1)
                        .secret();
    }

    private MvcTestResult post(String path, String json) {
        return mvc.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String createBureau() throws Exception {
        String name = "Bureau " + UUID.randomUUID();
        MvcTestResult created = post("/api/v1/admin/organisations", """
                {"name": "%s", "kind": "AUTHORITY", "country": "cn", "region": "CN-GD", "jurisdiction": "cn-gd"}
                """.formatted(name));
        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.jurisdiction").isEqualTo("CN-GD");
        assertThat(created).bodyJson().extractingPath("$.country").isEqualTo("CN");
        return JsonPath.read(body(created), "$.id");
    }

    @Test
    void badCountryIsNamed() {
        MvcTestResult result = post("/api/v1/admin/organisations", """
                {"name": "Nowhere Ltd", "kind": "EXPORTER", "country": "XX"}
                """);
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("country");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("country");
    }

    @Test
    void authorityNeedsJurisdictionAndOthersMayNotHaveOne() {
        assertThat(post("/api/v1/admin/organisations", """
                {"name": "No Jurisdiction", "kind": "AUTHORITY", "country": "CN"}
                """))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("jurisdiction");
        assertThat(post("/api/v1/admin/organisations", """
                {"name": "Exporter With Jurisdiction", "kind": "EXPORTER", "country": "CN", "jurisdiction": "CN"}
                """))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("jurisdiction");
        assertThat(post("/api/v1/admin/organisations", """
                {"name": "Wrong Region", "kind": "EXPORTER", "country": "CN", "region": "DE-BY"}
                """))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("region");
    }

    @Test
    void createsUserAndRefusesDuplicateUnknownRoleAndMismatchedRole() throws Exception {
        String bureau = createBureau();
        String username = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        String user = """
                {"username": "%s", "displayName": "Reviewer GD", "organisationId": "%s", "roles": ["REVIEWER"],
                 "password": "a long enough password"}""".formatted(username, bureau);
        MvcTestResult created = post("/api/v1/admin/users", user);
        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.roles").asList().containsExactly("REVIEWER");
        assertThat(body(created)).doesNotContain("password\":").doesNotContain("argon2");

        MvcTestResult duplicate = post("/api/v1/admin/users", user);
        assertThat(duplicate).hasStatus(409);
        assertThat(duplicate).bodyJson().extractingPath("$.errors[0].field").isEqualTo("username");

        assertThat(post("/api/v1/admin/users", """
                {"username": "x-%s", "displayName": "X", "organisationId": "%s", "roles": ["EMPEROR"]}
                """.formatted(username, bureau)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].reason")
                .asString()
                .contains("unknown role 'EMPEROR'");

        assertThat(post("/api/v1/admin/users", """
                {"username": "y-%s", "displayName": "Y", "organisationId": "%s", "roles": ["APPLICANT"]}
                """.formatted(username, bureau)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].reason")
                .asString()
                .contains("EXPORTER");

        assertThat(post("/api/v1/admin/users", """
                {"username": "z-%s", "displayName": "Z", "organisationId": "%s", "roles": ["REVIEWER"], "password": "short"}
                """.formatted(username, bureau)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void updateNeedsCurrentVersion() throws Exception {
        String bureau = createBureau();
        MvcTestResult created = post("/api/v1/admin/users", """
                {"username": "upd-%s", "displayName": "Before", "organisationId": "%s", "roles": ["REVIEWER"]}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 8), bureau));
        String id = JsonPath.read(body(created), "$.id");
        assertThat(created).hasHeader(HttpHeaders.ETAG, "\"0\"");

        String change = """
                {"displayName": "After", "roles": ["REVIEWER", "SUPERVISOR"], "enabled": true}""";
        MvcTestResult missing = mvc.put()
                .uri("/api/v1/admin/users/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(change)
                .exchange();
        assertThat(missing)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("version");

        MvcTestResult updated = mvc.put()
                .uri("/api/v1/admin/users/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(change)
                .exchange();
        assertThat(updated).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(updated).bodyJson().extractingPath("$.roles").asList().containsExactly("REVIEWER", "SUPERVISOR");
        assertThat(updated).bodyJson().extractingPath("$.displayName").isEqualTo("After");

        MvcTestResult stale = mvc.put()
                .uri("/api/v1/admin/users/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\": \"Lost\", \"roles\": [\"REVIEWER\"], \"enabled\": true, \"version\": 0}")
                .exchange();
        assertThat(stale).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/admin/users/" + id).header(HttpHeaders.AUTHORIZATION, admin))
                .bodyJson()
                .extractingPath("$.displayName")
                .isEqualTo("After");
    }

    @Test
    void theLastAdministratorCannotBeDisabled() throws Exception {
        String id = principals.byUsername("admin").orElseThrow().user().id().toString();
        MvcTestResult current = mvc.get()
                .uri("/api/v1/admin/users/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange();
        String version = current.getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult result = mvc.put()
                .uri("/api/v1/admin/users/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .header(HttpHeaders.IF_MATCH, version)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\": \"Admin\", \"roles\": [\"ADMIN\"], \"enabled\": false}")
                .exchange();
        assertThat(result).hasStatus(409);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("no enabled administrator");
        assertThat(principals.byUsername("admin").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void meDescribesTheCaller() {
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.jurisdiction")
                .isEqualTo("CN");
    }
}
