package org.lodestone.identity.store;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure of an identity operation that the web module's advice renders as problem+json: invalid input (422 with
 * {@code errors} naming each field), a missing object (404) or a conflict (409: duplicate name, stale version).
 */
public final class IdentityProblem extends ErrorResponseException {

    private IdentityProblem(HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        super(status, problem(status, title, detail, errors), null);
    }

    private static ProblemDetail problem(
            HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** One field is invalid; {@code reason} says why in words a user understands. */
    public static IdentityProblem invalid(String field, String reason) {
        return invalid(Map.of(field, reason));
    }

    /** Several fields are invalid: field name to reason, in the order the caller wants them reported. */
    public static IdentityProblem invalid(Map<String, String> reasons) {
        List<Map<String, String>> errors = reasons.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "reason", e.getValue()))
                .toList();
        String detail = reasons.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        return new IdentityProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid input", detail, errors);
    }

    public static IdentityProblem notFound(String what) {
        return new IdentityProblem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist", List.of());
    }

    public static IdentityProblem conflict(String detail) {
        return new IdentityProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static IdentityProblem duplicate(String field, String reason) {
        return new IdentityProblem(
                HttpStatus.CONFLICT,
                "Conflict",
                field + ": " + reason,
                List.of(Map.of("field", field, "reason", reason)));
    }

    public static IdentityProblem staleVersion(String what, long expected) {
        return conflict(what + " was changed by someone else (your version " + expected
                + " is no longer current); reload it and apply your change again");
    }

    /** The detail line, for pages that show the message next to a form. */
    public String detail() {
        String detail = getBody().getDetail();
        return detail == null ? "" : detail;
    }
}
