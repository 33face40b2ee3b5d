package org.lodestone.screening;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused screening request as an RFC 9457 problem: 422 naming each rejected field ({@code errors}), 404 for a hit
 * the caller may not see (the same answer as for one that does not exist), 409 when the hit was adjudicated or changed
 * meanwhile, 503 while the index is not built yet.
 */
public final class ScreeningProblem extends ErrorResponseException {

    public record FieldError(String field, String reason) {}

    private ScreeningProblem(HttpStatus status, String type, String title, String detail, List<FieldError> fields) {
        super(status, problem(status, type, title, detail), null);
        if (!fields.isEmpty()) {
            getBody()
                    .setProperty(
                            "errors",
                            fields.stream()
                                    .map(f -> Map.of("field", f.field(), "reason", f.reason()))
                                    .toList());
        }
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        return pd;
    }

    public static ScreeningProblem invalid(List<FieldError> fields) {
        String detail = fields.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
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
