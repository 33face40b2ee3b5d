package org.lodestone.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /error} fallback for whatever no controller advice handled (unknown paths, security denials, filter
 * failures): a readable page with the request id for browsers, RFC 9457 problem+json for API paths and every client
 * that does not ask for HTML. Never shows exception messages or stack traces. Replaces Boot's
 * {@code BasicErrorController}, which answers plain JSON. Guarded by {@code ErrorPageTests}.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends AbstractErrorController {

    private final JsonMapper json = JsonMapper.builder().build();

    ErrorPages(ErrorAttributes errorAttributes, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, resolvers);
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    @Nullable
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = getStatus(request);
        if (isApi(request)) {
            // A browser that wandered onto /api/** still gets the API's answer, written directly.
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), asMap(problem(request, status)));
            return null;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status.value());
        // Not "title": the layout fragment has a parameter of that name, which would shadow it.
        model.put("reason", status.getReasonPhrase());
        model.put("requestId", requestId(request));
        model.put("path", originalPath(request));
        response.setStatus(status.value());
        ModelAndView view = resolveErrorView(request, response, status, model);
        return view != null ? view : new ModelAndView("error", model, status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(request, status));
    }

    private static ProblemDetail problem(HttpServletRequest request, HttpStatus status) {
        String path = originalPath(request);
        String requestId = requestId(request);
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at " + path + ".";
            case UNAUTHORIZED -> "Authentication is required: send 'Authorization: Bearer <API token>'.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case METHOD_NOT_ALLOWED -> "This method is not supported at " + path + ".";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Quote request id " + requestId + " when reporting it."
                        : status.getReasonPhrase() + ".";
        };
        var problem = ApiProblems.problem(status, slug(status), status.getReasonPhrase(), detail);
        problem.setInstance(URI.create(path));
        problem.setProperty("requestId", requestId);
        return problem;
    }

    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", String.valueOf(problem.getType()));
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        map.put("instance", String.valueOf(problem.getInstance()));
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = originalPath(request);
        return path.startsWith("/api/")
                || path.equals("/api")
                || path.startsWith("/actuator/")
                || path.startsWith("/v3/");
    }

    static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        // Keep the instance a valid relative URI even when a client sent something odd.
        return path.matches("[A-Za-z0-9._~!$&'()*+,;=:@%/-]*") && !path.isEmpty() ? path : "/";
    }

    private static String requestId(HttpServletRequest request) {
        String id = RequestIdFilter.of(request);
        return id == null ? "none" : id;
    }
}
