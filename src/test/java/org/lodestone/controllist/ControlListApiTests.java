package org.lodestone.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Administration through the API (#2): amendments add versions and old versions stay readable and decisive for old
 * dates; a stale version is a 409, an overlapping interval a 422, a non-admin a 403. Every test works on its own
 * entry (promethium, which the seed data does not list) so the shared catalogue of other tests stays as seeded.
 */
@IntegrationTest
class ControlListApiTests {

    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final RequestPostProcessor APPLICANT = user("applicant").roles("APPLICANT");

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String uri, String json, RequestPostProcessor who) {
        return mvc.post()
                .uri(uri)
                .with(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String createPromethiumEntry() {
        String key = "test-pm-" + UUID.randomUUID().toString().substring(0, 8);
        var created = post("/api/v1/control-list/entries", """
                {"key": "%s", "elements": ["Pm"], "forms": ["oxide"], "description": "Promethium oxide v1",
                 "legalAct": "mofcom-gac-2025-18", "effectiveFrom": "2020-01-01", "confidence": "unverified",
                 "hsCodes": [{"code": "2846909999", "confidence": "unverified"}]}""".formatted(key), ADMIN);
        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.version").isEqualTo(0);
        return key;
    }

    /** Descriptions of the matches for this test's own entry (other tests add promethium entries of their own). */
    List<Object> determinePromethium(String key, String date) throws Exception {
        var result = post("/api/v1/determinations", """
                {"item": {"description": "Promethium oxide", "elements": {"Pm": 80}}, "destination": "DE", "date": "%s"}""".formatted(date), APPLICANT);
        assertThat(result).hasStatusOk();
        return JsonPath.read(
                result.getResponse().getContentAsString(), "$.matches[?(@.key == '" + key + "')].description");
    }

    @Test
    void amendingAddsAVersionAndOldDatesKeepTheOldVersion() throws Exception {
        String key = createPromethiumEntry();

        var amended = post("/api/v1/control-list/entries/" + key + "/versions", """
                {"expectedVersion": 0, "description": "Promethium oxide v2", "effectiveFrom": "2024-01-01"}""", ADMIN);

        assertThat(amended).hasStatus(201);
        var body = assertThat(amended).bodyJson();
        body.extractingPath("$.version").isEqualTo(1);
        body.extractingPath("$.versions.length()").isEqualTo(2);
        body.extractingPath("$.versions[0].description").isEqualTo("Promethium oxide v1");
        body.extractingPath("$.versions[0].effectiveTo").isEqualTo("2023-12-31");
        body.extractingPath("$.versions[1].description").isEqualTo("Promethium oxide v2");
        body.extractingPath("$.versions[1].hsCodes[0].code").isEqualTo("2846909999");

        var read = mvc.get()
                .uri("/api/v1/control-list/entries/" + key)
                .with(APPLICANT)
                .exchange();
        assertThat(read)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.versions[0].description")
                .isEqualTo("Promethium oxide v1");

        assertThat(determinePromethium(key, "2022-06-01")).containsExactly("Promethium oxide v1");
        assertThat(determinePromethium(key, "2025-06-01")).containsExactly("Promethium oxide v2");
        assertThat(determinePromethium(key, "2019-06-01")).isEmpty();

        var inForce = mvc.get()
                .uri("/api/v1/control-list/entries?date=2022-06-01&element=Pm&q=" + key)
                .with(APPLICANT)
                .exchange();
        assertThat(inForce)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].description")
                .isEqualTo("Promethium oxide v1");
    }

    @Test
    void aStaleVersionIsAConflict() {
        String key = createPromethiumEntry();
        assertThat(post("/api/v1/control-list/entries/" + key + "/versions", """
                {"expectedVersion": 0, "description": "v2", "effectiveFrom": "2024-01-01"}""", ADMIN))
                .hasStatus(201);

        var stale = post("/api/v1/control-list/entries/" + key + "/versions", """
                {"expectedVersion": 0, "description": "v3", "effectiveFrom": "2025-01-01"}""", ADMIN);

        assertThat(stale).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale).bodyJson().extractingPath("$.errors[0].field").isEqualTo("expectedVersion");
    }

    @Test
    void anOverlappingIntervalIsRefusedAndNothingChanges() {
        String key = createPromethiumEntry();

        var overlapping = post("/api/v1/control-list/entries/" + key + "/versions", """
                {"expectedVersion": 0, "description": "earlier", "effectiveFrom": "2019-01-01", "effectiveTo": "2020-06-30"}""", ADMIN);

        assertThat(overlapping).hasStatus(422);
        assertThat(overlapping).bodyJson().extractingPath("$.errors[0].field").isEqualTo("effectiveFrom");
        var read =
                mvc.get().uri("/api/v1/control-list/entries/" + key).with(ADMIN).exchange();
        assertThat(read).bodyJson().extractingPath("$.version").isEqualTo(0);
        assertThat(read).bodyJson().extractingPath("$.versions.length()").isEqualTo(1);
    }

    @Test
    void aRetroactiveVersionBeforeTheFirstIsAccepted() {
        String key = createPromethiumEntry();

        var earlier = post("/api/v1/control-list/entries/" + key + "/versions", """
                {"expectedVersion": 0, "description": "earlier", "effectiveFrom": "2018-01-01", "effectiveTo": "2019-12-31"}""", ADMIN);

        assertThat(earlier).hasStatus(201);
        var body = assertThat(earlier).bodyJson();
        body.extractingPath("$.versions[0]").asMap().doesNotContainKey("effectiveTo");
        body.extractingPath("$.versions[1].effectiveTo").isEqualTo("2019-12-31");
    }

    @Test
    void nonAdminsMayReadButNotChange() {
        var create = post("/api/v1/control-list/entries", """
                {"key": "test-pm-denied", "elements": ["Pm"], "forms": ["oxide"], "description": "x",
                 "legalAct": "mofcom-gac-2025-18", "effectiveFrom": "2020-01-01", "confidence": "unverified"}""", APPLICANT);
        assertThat(create).hasStatus(403);
        assertThat(post("/api/v1/control-list/entries/dy-oxide/versions", """
                {"expectedVersion": 0, "description": "x", "effectiveFrom": "2026-01-01"}""", APPLICANT))
                .hasStatus(403);
        assertThat(post("/api/v1/control-list/suspensions", "{}", APPLICANT)).hasStatus(403);

        assertThat(mvc.get()
                        .uri("/api/v1/control-list/entries/dy-oxide")
                        .with(APPLICANT)
                        .exchange())
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/control-list/suspensions")
                        .with(APPLICANT)
                        .exchange())
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/control-list/entries/no-such-entry")
                        .with(APPLICANT)
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void anonymousCallersAreRefused() {
        var result = mvc.post()
                .uri("/api/v1/determinations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\": {\"description\": \"x\", \"elements\": {\"Dy\": 1}}, \"destination\": \"DE\"}")
                .exchange();

        assertThat(result.getResponse().getStatus()).isIn(401, 403);
    }

    @Test
    void invalidDraftsNameEveryField() {
        var result = post("/api/v1/control-list/entries", """
                {"key": "Bad Key", "controlNumber": "XYZ", "elements": ["Qq"], "forms": ["gadget"],
                 "legalAct": "no-such-act", "effectiveFrom": "yesterday", "confidence": "sure"}""", ADMIN);

        assertThat(result).hasStatus(422);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains(
                        "key",
                        "controlNumber",
                        "elements",
                        "forms",
                        "description",
                        "legalAct",
                        "effectiveFrom",
                        "confidence");
    }
}
