package org.lodestone.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code POST /api/v1/determinations} end to end: the answer's shape, and problem+json for every kind of bad input (#2). */
@IntegrationTest
class DeterminationApiTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult post(String json) {
        return mvc.post()
                .uri("/api/v1/determinations")
                .with(user("applicant").roles("APPLICANT"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .content(json)
                .exchange();
    }

    @Test
    void answersWithOutcomeMatchesExplanationAndWarnings() {
        var result = post("""
                {"item": {"description": "Dysprosium oxide", "elements": {"Dy": 87.1, "O": 12.9}},
                 "destination": "DE", "endUse": "EV_TRACTION_MOTORS", "date": "2025-05-01"}""");

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        var json = assertThat(result).bodyJson();
        json.extractingPath("$.outcome").isEqualTo("LICENCE_REQUIRED");
        json.extractingPath("$.asOf").isEqualTo("2025-05-01");
        json.extractingPath("$.matches[0].controlNumber").isEqualTo("1C905.b");
        json.extractingPath("$.matches[0].controlNumberConfidence").isEqualTo("INFERRED");
        json.extractingPath("$.matches[0].legalBasis").asString().contains("2025 No. 18");
        json.extractingPath("$.matches[0].effectiveFrom").isEqualTo("2025-04-04");
        json.extractingPath("$.explanation").asString().contains("A licence is required");
        json.extractingPath("$.warnings[0]").asString().contains("inferred");
    }

    @Test
    void theSameQuestionHasADifferentAnswerBeforeTheControl() {
        var result = post("""
                {"item": {"description": "Dysprosium oxide", "elements": {"Dy": 87.1, "O": 12.9}},
                 "destination": "DE", "endUse": "EV_TRACTION_MOTORS", "date": "2025-03-01"}""");

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.outcome").isEqualTo("NOT_REQUIRED");
    }

    @Test
    void usMilitaryEndUseIsProhibited() {
        var result = post("""
                {"item": {"controlNumber": "1C904", "description": "Terbium metal"},
                 "destination": "us", "endUse": "components for the US Navy", "date": "2025-06-01"}""");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.outcome").isEqualTo("PROHIBITED");
        assertThat(result).bodyJson().extractingPath("$.endUse").isEqualTo("MILITARY");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown country        | destination          | {"item": {"description": "Dy oxide", "elements": {"Dy": 87}}, "destination": "XX", "date": "2025-05-01"}
        missing destination    | destination          | {"item": {"description": "Dy oxide", "elements": {"Dy": 87}}, "date": "2025-05-01"}
        unknown element        | item.elements.Qq     | {"item": {"description": "Dy oxide", "elements": {"Qq": 87}}, "destination": "DE"}
        negative percent       | item.elements.Dy     | {"item": {"description": "Dy oxide", "elements": {"Dy": -5}}, "destination": "DE"}
        absurd percent         | item.elements.Dy     | {"item": {"description": "Dy oxide", "elements": {"Dy": 1000}}, "destination": "DE"}
        sum above 100          | item.elements        | {"item": {"description": "Dy oxide", "elements": {"Dy": 87, "O": 40}}, "destination": "DE"}
        text percent           | item.elements.Dy     | {"item": {"description": "Dy oxide", "elements": {"Dy": "lots"}}, "destination": "DE"}
        missing description    | item.description     | {"item": {"elements": {"Dy": 87}}, "destination": "DE"}
        missing item           | item                 | {"destination": "DE"}
        nothing to match on    | item                 | {"item": {"description": "Dy oxide"}, "destination": "DE"}
        malformed HS code      | item.hsCode          | {"item": {"description": "Dy oxide", "hsCode": "28-46-x"}, "destination": "DE"}
        date before 1990       | date                 | {"item": {"description": "Dy oxide", "elements": {"Dy": 87}}, "destination": "DE", "date": "1989-12-31"}
        date after 2100        | date                 | {"item": {"description": "Dy oxide", "elements": {"Dy": 87}}, "destination": "DE", "date": "2101-01-01"}
        date not ISO           | date                 | {"item": {"description": "Dy oxide", "elements": {"Dy": 87}}, "destination": "DE", "date": "May 1st"}
        unknown control number | item.controlNumber   | {"item": {"description": "Dy oxide", "controlNumber": "1C999"}, "destination": "DE"}
        bad value share        | chineseContentValuePercent | {"item": {"description": "magnet", "elements": {"Dy": 4}}, "destination": "DE", "foreignProduced": true, "chineseContentValuePercent": 150}
        """)
    void refusesBadInputWithProblemJsonNamingTheField(String name, String field, String json) throws Exception {
        var result = post(json);

        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        var body = assertThat(result).bodyJson();
        body.extractingPath("$.status").isEqualTo(422);
        body.extractingPath("$.errors[*].field").asArray().contains(field);
        body.extractingPath("$.detail").asString().contains(field);
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        truncated      | {"item": {"description": "Dy oxide"
        not json       | this is not json
        wrong type     | {"item": "Dy oxide", "destination": "DE"}
        """)
    void malformedJsonIsABadRequest(String name, String json) throws Exception {
        var result = post(json);

        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("\tat ");
    }
}
