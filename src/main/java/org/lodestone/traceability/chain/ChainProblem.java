package org.lodestone.traceability.chain;

import java.util.List;
import java.util.Map;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused traceability request as an RFC 9457 problem: 422 naming each rejected field, 404 for what the caller may
 * not see (the same answer as for what does not exist), 409 for a stale version or a duplicate.
 */
public final class ChainProblem extends ErrorResponseException {

    public record FieldError(String field, String reason) implements Problems.FieldReason {}

    private ChainProblem(HttpStatus status, String type, String title, String detail, List<FieldError> fields) {
        super(status, Problems.of(status, type, title, detail, fields), null);
    }

    public static ChainProblem invalid(List<FieldError> fields) {
        return new ChainProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", Problems.summary(fields), fields);
    }

    public static ChainProblem invalid(Map<String, String> errors) {
        return invalid(errors.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), e.getValue()))
                .toList());
    }

    public static ChainProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ChainProblem notFound(String detail) {
        return new ChainProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ChainProblem forbidden(String detail) {
        return new ChainProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ChainProblem conflict(String detail) {
        return new ChainProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }
}
