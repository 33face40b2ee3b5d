package org.lodestone.licensing.evidence;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused evidence request as an RFC 9457 problem: 415 for content whose detected type the document type does not
 * accept, 413 over the size limit, 422 for an empty file or invalid field, 404 for a document that does not exist or
 * is not the caller's to see (the two are indistinguishable), 409 for a stale version. Field problems are listed
 * under {@code errors}, as everywhere in Lodestone.
 */
public final class EvidenceProblem extends ErrorResponseException {

    private final String field;
    private final String reason;

    private EvidenceProblem(HttpStatus status, String type, String title, String field, String reason) {
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

    static EvidenceProblem unsupportedType(String detected, DocumentType type, List<String> accepted) {
        var problem = new EvidenceProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-content",
                "Unsupported file content",
                "file",
                "the content is " + detected + ", which is not accepted for " + type + " (accepted: "
                        + String.join(", ", accepted) + ")");
        problem.getBody().setProperty("detectedType", detected);
        return problem;
    }

    public static EvidenceProblem tooLarge(long limit) {
        var problem = new EvidenceProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "content-too-large",
                "File too large",
                "file",
                "the file is larger than the limit of " + limit + " bytes");
        problem.getBody().setProperty("limitBytes", limit);
        return problem;
    }

    static EvidenceProblem empty() {
        return invalid("file", "the file is empty");
    }

    static EvidenceProblem invalid(String field, String reason) {
        return new EvidenceProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", field, reason);
    }

    static EvidenceProblem notFound(DocumentId id) {
        return new EvidenceProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "", "no evidence document " + id);
    }

    /** 410: the content was given up for a redacted copy; the metadata stays for the record. */
    static EvidenceProblem superseded(DocumentId id) {
        return new EvidenceProblem(
                HttpStatus.GONE,
                "superseded",
                "Superseded by a redacted copy",
                "",
                "the content of document " + id + " is no longer served: it was superseded by its redacted copy");
    }

    /** 422 for a field the caller got wrong (e.g. a form field that is not an id). */
    public static EvidenceProblem invalidInput(String field, String reason) {
        return invalid(field, reason);
    }

    static EvidenceProblem conflict(String reason) {
        return new EvidenceProblem(HttpStatus.CONFLICT, "conflict", "Conflict", "version", reason);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
