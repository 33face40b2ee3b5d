package org.lodestone.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Personal API tokens over the API: created with HTTP Basic, used as Bearer, listed without secret, revoked, expired. */
@IntegrationTest
class ApiTokenApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private String create(String username, String body) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, Demo.basic(username))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result).hasStatus(201);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private MvcTestResult me(String token) {
        return mvc.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    @Test
    void createdTokenAuthenticatesAsItsOwner() throws Exception {
        String json = create("applicant", "{\"name\":\"ci\",\"expiresInDays\":7}");
        String token = JsonPath.read(json, "$.token");
        assertThat(token).startsWith("lst_").hasSize(4 + 43);
        assertThat((String) JsonPath.read(json, "$.name")).isEqualTo("ci");
        assertThat((String) JsonPath.read(json, "$.expiresAt")).isNotBlank();

        MvcTestResult me = me(token);
        assertThat(me).hasStatusOk();
        assertThat(me).bodyJson().extractingPath("$.username").isEqualTo("applicant");
        assertThat(me).bodyJson().extractingPath("$.organisationKind").isEqualTo("EXPORTER");
        assertThat(me).bodyJson().extractingPath("$.roles").asList().containsExactly("APPLICANT");
    }

    @Test
    void emptyBodyGetsDefaults() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, Demo.basic("consignee"))
                .exchange();
        assertThat(result).hasStatus(201);
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("API token");
    }

    @Test
    void listShowsTokensButNeverTheSecretOrHash() throws Exception {
        String token = JsonPath.read(create("reviewer", "{\"name\":\"listing\"}"), "$.token");
        MvcTestResult list = mvc.get()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
        assertThat(list).hasStatusOk();
        String body = list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<Map<String, Object>> tokens = JsonPath.read(body, "$[?(@.name == 'listing')]");
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0))
                .containsKeys("id", "prefix", "createdAt", "expiresAt", "revoked")
                .doesNotContainKeys("token", "tokenHash", "secret");
        assertThat(tokens.get(0).get("prefix").toString()).isEqualTo(token.substring(0, 8));
        assertThat(body).doesNotContain(token.substring(8));
        String hash = jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id")
                .param("id", java.util.UUID.fromString(tokens.get(0).get("id").toString()))
                .query(String.class)
                .single();
        assertThat(body).doesNotContain(hash);
        assertThat(hash).hasSize(64).doesNotContain(token);
    }

    @Test
    void revokedTokenIsRefused() throws Exception {
        String json = create("supervisor", "{\"name\":\"to-revoke\"}");
        String token = JsonPath.read(json, "$.token");
        String id = JsonPath.read(json, "$.id");
        assertThat(me(token)).hasStatusOk();

        assertThat(mvc.delete().uri("/api/v1/auth/tokens/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatus(204);

        MvcTestResult after = me(token);
        assertThat(after).hasStatus(401);
        assertThat(after).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(after).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        assertThat(after).bodyJson().extractingPath("$.detail").asString().contains("revoked");
    }

    @Test
    void anotherUsersTokenCannotBeRevoked() throws Exception {
        String victim = JsonPath.read(create("enforcement", "{\"name\":\"victim\"}"), "$.id");
        String attacker = JsonPath.read(create("consignee", "{\"name\":\"attacker\"}"), "$.token");
        assertThat(mvc.delete()
                        .uri("/api/v1/auth/tokens/" + victim)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + attacker))
                .hasStatus(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE id = :id AND revoked_at IS NULL")
                        .param("id", java.util.UUID.fromString(victim))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String json = create("auditor", "{\"name\":\"to-expire\"}");
        String token = JsonPath.read(json, "$.token");
        assertThat(me(token)).hasStatusOk();
        jdbc.sql("UPDATE api_token SET expires_at = :past WHERE id = :id")
                .param("past", java.time.OffsetDateTime.now().minusMinutes(1))
                .param("id", java.util.UUID.fromString(JsonPath.read(json, "$.id")))
                .update();
        MvcTestResult after = me(token);
        assertThat(after).hasStatus(401);
        assertThat(after).bodyJson().extractingPath("$.detail").asString().contains("expired");
    }

    @Test
    void unknownTokenIsRefused() {
        assertThat(me("lst_" + "A".repeat(43))).hasStatus(401);
        assertThat(me("not-a-token")).hasStatus(401);
    }

    @Test
    void wrongBasicPasswordIsRefusedWithProblem() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, Demo.basic("admin", "wrong-password"))
                .exchange();
        assertThat(result).hasStatus(401);
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeaders(HttpHeaders.WWW_AUTHENTICATE))
                .contains("Bearer error=\"invalid_token\"")
                .anyMatch(h -> h.startsWith("Basic"));
        // reset the admin's failure count so this test cannot push the shared admin towards a lockout
        jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = 'admin'")
                .update();
    }

    @Test
    void basicIsAcceptedOnlyForCreatingTokens() {
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, Demo.basic("applicant")))
                .hasStatus(401);
    }

    @Test
    void aTokenCannotMintAnotherToken() throws Exception {
        String token = JsonPath.read(create("applicant", "{}"), "$.token");
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
        assertThat(result).hasStatus(403);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("HTTP Basic");
    }

    @Test
    void expiryOutOfRangeNamesTheField() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/auth/tokens")
                .header(HttpHeaders.AUTHORIZATION, Demo.basic("applicant"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"expiresInDays\": 366}")
                .exchange();
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("expiresInDays");
    }
}
