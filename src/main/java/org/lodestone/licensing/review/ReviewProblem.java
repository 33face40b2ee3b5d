package org.lodestone.licensing.review;

import java.util.List;
import org.lodestone.licensing.spi.ScreeningClearance;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused review act as an RFC 9457 problem: 422 naming each rejected field ({@code errors}), 403 when the caller's
 * role or person may not act (e.g. countersigning one's own proposal), 404 for a case the caller may not see, 409 when
 * the case is not in a state for the act or someone else acted first.
 */
public final class ReviewProblem extends ErrorResponseException {

    public record FieldError(String field, String reason) implements Problems.FieldReason {}

    private ReviewProblem(HttpStatus status, String type, String title, String detail, List<FieldError> fields) {
        super(status, Problems.of(status, type, title, detail, fields), null);
    }

    public static ReviewProblem invalid(List<FieldError> fields) {
        String detail = Problems.summary(fields);
        return new ReviewProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", detail, fields);
    }

    public static ReviewProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ReviewProblem forbidden(String detail) {
        return new ReviewProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public static ReviewProblem sameSignatory(String detail) {
        return new ReviewProblem(
                HttpStatus.FORBIDDEN, "countersignature-by-proposer", "Four-eyes rule", detail, List.of());
    }

    public static ReviewProblem notFound(String detail) {
        return new ReviewProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static ReviewProblem conflict(String detail) {
        return new ReviewProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of());
    }

    /** Approval is blocked while screening hits await adjudication or a party was confirmed as restricted. */
    public static ReviewProblem screeningHitsOpen(ScreeningClearance clearance) {
        String detail = clearance.trueMatches() > 0
                ? (clearance.trueMatches() == 1
                                ? "a party was confirmed as a restricted party"
                                : clearance.trueMatches() + " parties were confirmed as restricted parties")
                        + ": refuse with RESTRICTED_PARTY"
                : clearance.openHits() + (clearance.openHits() == 1 ? " screening hit awaits" : " screening hits await")
                        + " adjudication";
        ReviewProblem p = new ReviewProblem(
                HttpStatus.CONFLICT, "screening-hits-open", "Screening hits block approval", detail, List.of());
        p.getBody().setProperty("openHits", clearance.openHits());
        p.getBody().setProperty("trueMatches", clearance.trueMatches());
        return p;
    }

    public static ReviewProblem versionRequired() {
        return new ReviewProblem(
                HttpStatus.PRECONDITION_REQUIRED,
                "precondition-required",
                "Version required",
                "Quote the version of the application you decided on: send If-Match: \"<version>\" or the field"
                        + " 'version'.",
                List.of());
    }
}
