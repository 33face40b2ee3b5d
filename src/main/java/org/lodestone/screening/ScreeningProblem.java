package org.lodestone.screening;

import java.util.List;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused screening request as an RFC 9457 problem: 422 naming each rejected field ({@code errors}), 404 for a hit
 * the caller may not see (the same answer as for one that does not exist), 409 when the hit was adjudicated or changed
 * meanwhile, 503 while the index is not built yet.
 */
public final class ScreeningProblem extends ErrorResponseException {

    public record FieldError(String field, String reason) implements Problems.FieldReason {}

    private ScreeningProblem(HttpStatus status, String type, String title, String detail, List<FieldError> fields) {
        super(status, Problems.of(status, type, title, detail, fields), null);
    }

    public static ScreeningProblem invalid(List<FieldError> fields) {
        String detail = Problems.summary(fields);
        return new ScreeningProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", detail, fields);
    }

    public static ScreeningProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ScreeningProblem notFound(String detail) {
        return new ScreeningProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ScreeningProblem conflict(String detail) {
        return new ScreeningProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    public static ScreeningProblem indexNotReady() {
        return new ScreeningProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "screening-index-not-ready",
                "Screening index not ready",
                "The screening index is still being built after start-up; try again in a minute.",
                List.of());
    }
}
