package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lodestone.shared.RequestIds;
import org.lodestone.support.IntegrationTest;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Issue #2, operability: public health without details, OpenAPI with the bearer scheme, metrics for administrators
 * only and tagged with the application. Anonymous access to public paths relies on identity's filter chains applying
 * {@code WebEndpointPolicy}.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void healthIsPublicAndUpWithoutDetails() {
        var result = mvc.get().uri("/actuator/health").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(result).bodyJson().doesNotHavePath("$.components").doesNotHavePath("$.details");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
    void probesArePublicAndUp(String probe) {
        var result = mvc.get().uri(probe).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
    }

    @Test
    void healthShowsNoDetailsToNonAdministrators() {
        var result = mvc.get()
                .uri("/actuator/health")
                .with(user("reviewer").roles("REVIEWER"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().doesNotHavePath("$.components");
    }

    @Test
    void healthShowsComponentsToAdministrators() {
        var result = mvc.get()
                .uri("/actuator/health")
                .with(user("admin").roles("ADMIN"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().hasPath("$.components.db");
    }

    @Test
    void apiDocsArePublicJsonWithBearerScheme() {
        var result = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertApiDescription(result);
    }

    @Test
    void apiDocsDescribeSecurityAndLicence() {
        var result = mvc.get().uri("/v3/api-docs").with(user("someone")).exchange();
        assertThat(result).hasStatusOk();
        assertApiDescription(result);
    }

    private static void assertApiDescription(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        var json = assertThat(result).bodyJson();
        json.extractingPath("$.info.title").isEqualTo("Lodestone API");
        json.extractingPath("$.info.license.name").isEqualTo("Apache License 2.0");
        json.extractingPath("$.components.securitySchemes.bearerAuth.type").isEqualTo("http");
        json.extractingPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer");
        json.extractingPath("$.components.securitySchemes.basicAuth.scheme").isEqualTo("basic");
        json.extractingPath("$.security[0].bearerAuth").asArray().isEmpty();
    }

    @Test
    void swaggerUiIsPublic() {
        var result = mvc.get().uri("/swagger-ui/index.html").exchange();
        assertThat(result).hasStatusOk();
    }

    @Test
    void prometheusIsDeniedToAnonymousCallers() {
        var result = mvc.get().uri("/actuator/prometheus").exchange();
        assertThat(result.getResponse().getStatus()).isIn(401, 403);
    }

    @Test
    void prometheusIsDeniedToNonAdministrators() {
        var result = mvc.get()
                .uri("/actuator/prometheus")
                .with(user("reviewer").roles("REVIEWER"))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void prometheusServesTaggedMetricsToAdministrators() {
        var result = mvc.get()
                .uri("/actuator/prometheus")
                .with(user("admin").roles("ADMIN"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("jvm_memory_used_bytes").contains("application=\"lodestone\"");
    }

    @Test
    void infoNeedsAuthentication() {
        assertThat(mvc.get().uri("/actuator/info").exchange().getResponse().getStatus())
                .isIn(401, 403);
        assertThat(mvc.get().uri("/actuator/info").with(user("someone")).exchange())
                .hasStatusOk();
    }

    @Test
    void consoleLogLinesCarryTheRequestId(CapturedOutput output) {
        MDC.put(RequestIds.MDC_KEY, "log-check-1");
        try {
            LoggerFactory.getLogger("org.lodestone.web.LogCheck").info("correlated line");
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        assertThat(output.getOut()).containsPattern("\\[log-check-1\\] .*correlated line");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var result = mvc.get()
                .uri("/actuator/health")
                .header("X-Request-Id", "probe-7")
                .exchange();
        assertThat(result).headers().hasValue("X-Request-Id", "probe-7");
    }
}
