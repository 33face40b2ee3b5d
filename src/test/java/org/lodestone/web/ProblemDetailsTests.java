package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lodestone.shared.CountryCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.Assert;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The problem+json advice, driven through a controller that exists only here. Issue #2: "Bad input". */
class ProblemDetailsTests {

    enum Purpose {
        CIVIL,
        MILITARY
    }

    record Line(@NotBlank String item, @Positive int quantity) {}

    record Shipment(@NotBlank String exporter, LocalDate date, Purpose purpose, List<@Valid Line> lines) {}

    record Destination(String country) {
        Destination {
            CountryCode.of(country);
        }
    }

    static class Denied extends ErrorResponseException {
        Denied() {
            super(HttpStatus.CONFLICT, problem(), null);
        }

        private static ProblemDetail problem() {
            var p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "version 3 is stale; current is 4");
            p.setTitle("Edit conflict");
            p.setType(URI.create("urn:lodestone:problem:conflict"));
            p.setProperty("currentVersion", 4);
            return p;
        }
    }

    @RestController
    static class Probe {

        @PostMapping("/api/shipments")
        String shipment(@Valid @RequestBody Shipment shipment) {
            return "ok";
        }

        @PostMapping("/api/destinations")
        String destination(@RequestBody Destination destination) {
            return destination.country();
        }

        @GetMapping("/api/countries")
        String country(@RequestParam String code, @RequestParam(defaultValue = "10") int limit) {
            return CountryCode.of(code).value() + limit;
        }

        @GetMapping("/api/conflict")
        String conflict() {
            throw new Denied();
        }

        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException("password=hunter2 at jdbc:postgresql://db/secret");
        }

        @GetMapping("/api/assert")
        String frameworkAssertion() {
            Assert.isTrue(false, "internal invariant about org.lodestone.store broken");
            return "unreachable";
        }
    }

    private final MockMvcTester mvc;

    ProblemDetailsTests() {
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Probe())
                .setControllerAdvice(new ApiProblems())
                .setValidator(validator)
                .setMessageConverters(new JacksonJsonHttpMessageConverter(JsonInput.strict(JsonMapper.builder())
                        .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)))
                .addFilters(new RequestIdFilter())
                .build());
    }

    private MvcTestResult post(String path, String json) {
        return mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            truncated document         | {"exporter": "Acme", "lines": [                                  | malformed-json
            missing quote              | {"exporter": "Acme", "date: "2025-01-01"}                        | malformed-json
            trailing garbage           | {"exporter": "Acme"} x                                           | malformed-json
            """)
    void malformedJsonIs400WithLocation(String name, String body, String slug) {
        var result = post("/api/shipments", body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:lodestone:problem:" + slug);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("line 1, column")
                .doesNotContain("Source")
                .doesNotContain("REDACTED");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/shipments");
        assertThat(result).bodyJson().extractingPath("$.requestId").asString().isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            wrong type deep in array | {"exporter":"A","lines":[{"item":"x","quantity":1},{"item":"y","quantity":"many"}]} | lines[1].quantity | 'many' is not a whole number
            bad date                 | {"exporter":"A","date":"31/01/2025"}                                                | date              | '31/01/2025' is not a date (yyyy-MM-dd)
            unknown enum value       | {"exporter":"A","purpose":"SPACE"}                                                  | purpose           | 'SPACE' is not one of CIVIL, MILITARY
            object instead of string | {"exporter":{"name":"A"}}                                                           | exporter          | expected a string but found start object
            """)
    void wrongTypeNamesTheFieldAndReason(String name, String body, String field, String reason) {
        var result = post("/api/shipments", body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").isEqualTo(reason);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains(field)
                .doesNotContain("java.", "org.lodestone");
    }

    @Test
    void unknownPropertyIsNamed() {
        var result = post("/api/shipments", "{\"exporter\":\"A\",\"exporterr\":\"typo\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("exporterr");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].reason")
                .asString()
                .startsWith("unknown property 'exporterr'")
                .contains("exporter, lines");
    }

    @Test
    void valueTypeRejectionInBodyCarriesItsMessage() {
        var result = post("/api/destinations", "{\"country\":\"XX\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("'XX' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void validationErrorsListEveryField() {
        var result = post("/api/shipments", "{\"exporter\":\" \",\"lines\":[{\"item\":\"x\",\"quantity\":0}]}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:lodestone:problem:validation");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("exporter", "lines[0].quantity");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[?(@.field == 'lines[0].quantity')].reason")
                .asArray()
                .containsExactly("must be greater than 0");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("2 fields are invalid");
    }

    @Test
    void wrongParameterTypeNamesTheParameter() {
        var result = mvc.get().uri("/api/countries?code=DE&limit=ten").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Parameter 'limit': 'ten' is not a whole number");
    }

    @Test
    void missingParameterIsNamed() {
        var result = mvc.get().uri("/api/countries").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Parameter 'code' is required.");
    }

    @Test
    void illegalArgumentFromOurValueTypeIs400WithItsMessage() {
        var result = mvc.get().uri("/api/countries?code=ZZ").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("'ZZ' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void errorResponseExceptionPassesThroughWithStatusAndProperties() {
        var result = mvc.get().uri("/api/conflict").exchange();
        assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Edit conflict");
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:lodestone:problem:conflict");
        assertThat(result).bodyJson().extractingPath("$.currentVersion").isEqualTo(4);
        assertThat(result).bodyJson().extractingPath("$.requestId").asString().isNotBlank();
    }

    @Test
    void unexpectedExceptionIsGeneric500WithoutInternals() throws Exception {
        var result =
                mvc.get().uri("/api/boom").header("X-Request-Id", "trace-me-42").exchange();
        assertThat(result)
                .hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("hunter2", "jdbc", "IllegalStateException", "at org.", "Exception");
        assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo("trace-me-42");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("trace-me-42");
    }

    @Test
    void frameworkIllegalArgumentIsNotMistakenForBadInput() throws Exception {
        var result = mvc.get().uri("/api/assert").exchange();
        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("invariant", "org.lodestone.store");
    }
}
