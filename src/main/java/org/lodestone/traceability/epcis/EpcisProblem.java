package org.lodestone.traceability.epcis;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused EPCIS request as the standard's REST binding answers it: an RFC 9457 problem whose {@code type} is the
 * EPCIS exception ({@code epcisException:ValidationException}, …) and whose title and detail name the field and the
 * reason. Not-found is the answer for another enterprise's event or job as well, so existence is not disclosed.
 */
public final class EpcisProblem extends ErrorResponseException {

    private final String exception;

    private EpcisProblem(HttpStatus status, String exception, String title, String detail) {
        super(status, body(status, exception, title, detail), null);
        this.exception = exception;
    }

    private static ProblemDetail body(HttpStatus status, String exception, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("epcisException:" + exception));
        pd.setTitle(title);
        return pd;
    }

    /** The EPCIS exception name, e.g. {@code ValidationException}. */
    public String exception() {
        return exception;
    }

    public static EpcisProblem validation(String detail) {
        return new EpcisProblem(HttpStatus.BAD_REQUEST, "ValidationException", "Invalid EPCIS document", detail);
    }

    /** A validation problem listing each rejected event: index, eventID (when known), reason and JSON pointer. */
    public static EpcisProblem validation(String detail, List<Map<String, Object>> errors) {
        var p = validation(detail);
        p.getBody().setProperty("errors", errors);
        return p;
    }

    public static EpcisProblem captureLimit(String detail) {
        return new EpcisProblem(
                HttpStatus.CONTENT_TOO_LARGE, "CaptureLimitExceededException", "Capture limit exceeded", detail);
    }

    public static EpcisProblem noSuchResource(String detail) {
        return new EpcisProblem(HttpStatus.NOT_FOUND, "NoSuchResourceException", "No such resource", detail);
    }

    public static EpcisProblem queryParameter(String parameter, String reason) {
        var p = new EpcisProblem(
                HttpStatus.BAD_REQUEST,
                "QueryParameterException",
                "Invalid query parameter " + parameter,
                parameter + ": " + reason);
        p.getBody().setProperty("parameter", parameter);
        return p;
    }

    public static EpcisProblem unsupportedMediaType(@Nullable String contentType) {
        return new EpcisProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UnsupportedMediaTypeException",
                "Unsupported media type",
                "Content-Type " + contentType + " is not accepted: send application/json, application/ld+json or"
                        + " application/xml");
    }

    /** Any other document-level failure the reader names by its EPCIS exception type. */
    public static EpcisProblem of(HttpStatus status, String exception, String detail) {
        return new EpcisProblem(status, exception, exception.replaceAll("([a-z])([A-Z])", "$1 $2"), detail);
    }
}
