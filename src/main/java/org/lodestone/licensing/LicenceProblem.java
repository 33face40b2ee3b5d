package org.lodestone.licensing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused licence operation as an RFC 9457 problem: 404 unknown (or not visible), 403 visible but not allowed, 409
 * illegal transition / stale version / not enough left, 422 invalid input with the rejected fields under
 * {@code errors}. The web module renders it without knowing this type.
 */
public final class LicenceProblem extends ErrorResponseException {

    private final String type;

    private LicenceProblem(
            HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, type, title, detail, properties), null);
        this.type = type;
    }

    private static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        properties.forEach(pd::setProperty);
        return pd;
    }

    /** Short problem type, e.g. {@code licence-exhausted}. */
    public String type() {
        return type;
    }

    public String detail() {
        String detail = getBody().getDetail();
        return detail == null ? "" : detail;
    }

    public static LicenceProblem notFound(String number) {
        return new LicenceProblem(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no licence " + number + ".", Map.of());
    }

    public static LicenceProblem forbidden(String detail) {
        return new LicenceProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, Map.of());
    }

    public static LicenceProblem invalid(String field, String reason) {
        return invalid(List.of(Map.of("field", field, "reason", reason)));
    }

    /** 422 naming every rejected field; each map has {@code field} and {@code reason}. */
    public static LicenceProblem invalid(List<Map<String, String>> errors) {
        String detail = errors.stream()
                .map(e -> e.get("field") + ": " + e.get("reason"))
                .collect(Collectors.joining("; "));
        return new LicenceProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-input",
                "Invalid input",
                detail,
                Map.of("errors", List.copyOf(errors)));
    }

    public static LicenceProblem illegalTransition(LicenceNumber number, LicenceStatus from, LicenceStatus to) {
        String why = from.isFinal()
                ? "it is " + from + ", which is final"
                : "only " + allowedFrom(from) + " can follow " + from;
        return new LicenceProblem(
                HttpStatus.CONFLICT,
                "illegal-transition",
                "Illegal status change",
                "Licence " + number + " cannot change from " + from + " to " + to + ": " + why + ".",
                Map.of("from", from.name(), "to", to.name()));
    }

    private static String allowedFrom(LicenceStatus from) {
        return switch (from) {
            case ISSUED -> "SUSPENDED or REVOKED";
            case SUSPENDED -> "ISSUED (reinstate) or REVOKED";
            default -> "nothing";
        };
    }

    public static LicenceProblem stale(LicenceNumber number, long expected, long current) {
        return new LicenceProblem(
                HttpStatus.CONFLICT,
                "stale-version",
                "Licence changed meanwhile",
                "Licence " + number + " is at version " + current + ", not " + expected
                        + ": someone changed it meanwhile; reload and try again.",
                Map.of("currentVersion", current));
    }

    public static LicenceProblem notInForce(LicenceNumber number, LicenceStatus status, String why) {
        return new LicenceProblem(
                HttpStatus.CONFLICT,
                "licence-not-in-force",
                "Licence not in force",
                "Licence " + number + " does not allow shipments: " + why + ".",
                Map.of("status", status.name()));
    }

    public static LicenceProblem exhausted(
            LicenceNumber number, int line, String remaining, String requested, String unit) {
        return new LicenceProblem(
                HttpStatus.CONFLICT,
                "licence-exhausted",
                "Licence quantity exceeded",
                "Line " + line + " of licence " + number + " has " + remaining + " " + unit
                        + " left; the shipment asks for " + requested + " " + unit + ".",
                Map.of("line", line, "remaining", remaining, "requested", requested, "unit", unit));
    }
}
