package org.lodestone.licensing.redaction;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused redaction request as an RFC 9457 problem: 422 naming the field (a document that is not a readable,
 * unencrypted PDF is {@code document}; a box off its page {@code areas[i]}), 404 for what the caller may not see, 409
 * for a state that does not allow it, 410 for an original whose content was given up for its redacted copy.
 */
public final class RedactionProblem extends ErrorResponseException {

    private final String field;
    private final String reason;

    private RedactionProblem(HttpStatus status, String type, String title, String field, String reason) {
        super(status, problem(status, type, title, field, reason), null);
        this.field = field;
        this.reason = reason;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String field, String reason) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, field.isEmpty() ? reason : field + ": " + reason);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        if (!field.isEmpty()) {
            pd.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        }
        return pd;
    }

    public static RedactionProblem invalid(String field, String reason) {
        return new RedactionProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", field, reason);
    }

    static RedactionProblem notFound(String what) {
        return new RedactionProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "", what);
    }

    static RedactionProblem conflict(String reason) {
        return new RedactionProblem(HttpStatus.CONFLICT, "conflict", "Conflict", "", reason);
    }

    static RedactionProblem superseded(String reason) {
        return new RedactionProblem(HttpStatus.GONE, "superseded", "Superseded by a redacted copy", "", reason);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
