package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The {@code /error} fallback, called the way the servlet container calls it after {@code sendError} or an uncaught
 * exception: problem+json for API paths and non-HTML clients, a readable page for browsers, never exception text.
 */
@IntegrationTest
class ErrorPageTests {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult error(int status, String uri, MediaType accept, Throwable ex) {
        return mvc.get()
                .uri("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, ex)
                .header("X-Request-Id", "err-1")
                .accept(accept)
                .with(user("someone"))
                .exchange();
    }

    private static final RuntimeException SECRET = new IllegalStateException("password=hunter2 leaked");

    @Test
    void unknownApiPathIsProblemJson() {
        var result = error(404, "/api/v1/nothing-here", MediaType.APPLICATION_JSON, SECRET);
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/nothing-here");
        assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo("err-1");
    }

    @Test
    void apiPathGetsProblemJsonEvenWhenABrowserAsks() throws Exception {
        var result = error(404, "/api/v1/nothing-here", MediaType.TEXT_HTML, SECRET);
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Not Found");
        assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo("err-1");
    }

    @Test
    void serverErrorForApiClientHidesTheException() throws Exception {
        var result = error(500, "/api/v1/things", MediaType.APPLICATION_JSON, SECRET);
        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("hunter2", "IllegalStateException", "trace");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("err-1");
    }

    @Test
    void browserGetsAReadablePageWithTheRequestId() throws Exception {
        var result = error(404, "/no/such/page", MediaType.TEXT_HTML, SECRET);
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("Page not found", "404 Not Found", "err-1", "/no/such/page", "pico.min.css");
        assertThat(html).doesNotContain("hunter2", "Exception", "Whitelabel");
    }

    @Test
    void browserServerErrorPageHidesTheException() throws Exception {
        var result = error(500, "/determinations/new", MediaType.TEXT_HTML, SECRET);
        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("Something went wrong on our side", "err-1").doesNotContain("hunter2", "at org.");
    }

    @Test
    void forbiddenPageExplains() throws Exception {
        var result = error(403, "/audit", MediaType.TEXT_HTML, SECRET);
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result.getResponse().getContentAsString()).contains("Not allowed");
    }
}
