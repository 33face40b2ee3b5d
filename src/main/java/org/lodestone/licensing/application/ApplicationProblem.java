package org.lodestone.licensing.application;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused application request as an RFC 9457 problem: 422 naming each rejected field ({@code errors}), 422 listing
 * every missing piece of an incomplete application ({@code missing}), 404 for an application the caller may not see,
 * 409 for an illegal transition or a stale version, 403 when the caller's organisation may not create applications.
 */
public final class ApplicationProblem extends ErrorResponseException {

    /** One rejected input field, by JSON path (e.g. {@code items[0].controlEntry}), and why. */
    public record FieldError(String field, String reason) implements Problems.FieldReason {}

    private final List<FieldError> fieldErrors;

    private ApplicationProblem(HttpStatus status, String type, String title, String detail, List<FieldError> fields) {
        super(status, Problems.of(status, type, title, detail, fields), null);
        this.fieldErrors = List.copyOf(fields);
    }

    public static ApplicationProblem invalid(List<FieldError> fields) {
        String detail = Problems.summary(fields);
        return new ApplicationProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", detail, fields);
    }

    public static ApplicationProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    /** 422 listing every missing piece, so the applicant can fix them all at once. */
    public static ApplicationProblem incomplete(String reference, List<MissingPiece> missing) {
        var p = new ApplicationProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "application-incomplete",
                "Application incomplete",
                "Application " + reference + " cannot be submitted: " + missing.size()
                        + (missing.size() == 1 ? " piece is" : " pieces are") + " missing: "
                        + missing.stream().map(MissingPiece::message).collect(Collectors.joining("; ")),
                List.of());
        p.getBody()
                .setProperty(
                        "missing",
                        missing.stream()
                                .map(m -> Map.of("code", m.code(), "message", m.message(), "target", m.target()))
                                .toList());
        return p;
    }

    public static ApplicationProblem notFound(String what) {
        return new ApplicationProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what, List.of());
    }

    public static ApplicationProblem conflict(String detail) {
        return new ApplicationProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    public static ApplicationProblem stale(String reference, long expected, long actual) {
        return new ApplicationProblem(
                HttpStatus.CONFLICT,
                "stale-version",
                "Stale version",
                "Application " + reference + " was changed by someone else: you sent version " + expected
                        + ", the current version is " + actual + ". Reload it and apply your change again.",
                List.of(new FieldError("version", "is " + actual + ", not " + expected)));
    }

    public static ApplicationProblem forbidden(String detail) {
        return new ApplicationProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ApplicationProblem preconditionRequired(String detail) {
        return new ApplicationProblem(
                HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Version required", detail, List.of());
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
