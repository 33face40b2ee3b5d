package org.lodestone.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lodestone.shared.RequestIds;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for the API as RFC 9457 problem+json. These are written here, inside the security filter chain, because
 * they happen before any controller (and the web module's advice) is reached.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final RequestMatcher TOKEN_CREATION =
            PathPatternRequestMatcher.pathPattern(org.springframework.http.HttpMethod.POST, "/api/v1/auth/tokens");

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (Denials.deniedByDefault(request)) {
            write(request, response, HttpStatus.FORBIDDEN, String.valueOf(Denials.reason(request)));
            return;
        }
        response.addHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                failure instanceof BadCredentialsException ? "Bearer error=\"invalid_token\"" : "Bearer");
        if (TOKEN_CREATION.matches(request)) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Lodestone\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, detail(request, failure));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String reason = Denials.reason(request);
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                reason != null ? reason : "Your roles do not allow this request");
    }

    /** Only messages Lodestone wrote itself reach the caller; anything else gets a generic sentence. */
    private static String detail(HttpServletRequest request, AuthenticationException failure) {
        if (failure instanceof LockedException || failure instanceof DisabledException) {
            return String.valueOf(failure.getMessage());
        }
        if (failure instanceof BadCredentialsException) {
            String message = failure.getMessage();
            return message == null || message.equals("Bad credentials") ? "Wrong username or password" : message;
        }
        return TOKEN_CREATION.matches(request)
                ? "Authentication required: send your username and password with HTTP Basic"
                : "Authentication required: send Authorization: Bearer <API token>";
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // JSON is UTF-8 by definition (RFC 8259), so bytes are written rather than a charset parameter added.
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
