package org.lodestone.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.shared.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, before anything else runs, so each log line, audit entry and error page of one request
 * can be matched up. A caller's {@code X-Request-Id} is kept only if it is short and plain, because it ends up in logs
 * and headers (no CR/LF injection, no log flooding). Guarded by {@code RequestIdTests}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    /** Request attribute holding the id, so error and async dispatches reuse it after the MDC was cleared. */
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String existing
                ? existing
                : accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(RequestIds.HEADER, id);
        }
        String previous = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            // Logged here, while the request id is still in the MDC, then handed to the /error page instead of the
            // container, which would log it again without the id and might print its own error page.
            if (response.isCommitted()) {
                throw e;
            }
            log.error("Unhandled exception for {} {}", request.getMethod(), request.getRequestURI(), e);
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    // Error pages are rendered in a separate dispatch after this filter's finally block ran; they need the id too.
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    static String accept(@Nullable String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    /** The id of the request being served, or null outside a request. */
    static @Nullable String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : MDC.get(RequestIds.MDC_KEY);
    }
}
