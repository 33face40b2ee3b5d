package org.lodestone.screening.lists;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused list operation as an RFC 9457 problem: 422 naming the field ({@code file}, {@code format},
 * {@code listCode}, …) and the reason, with the failed release's id where one was recorded; 404 for an unknown list
 * or release; 409 while another import of the list is running; 413 for a file over the limit.
 */
public final class ListProblem extends ErrorResponseException {

    private ListProblem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            List<String[]> fields,
            @Nullable UUID release) {
        super(status, problem(status, type, title, detail), null);
        if (!fields.isEmpty()) {
            getBody()
                    .setProperty(
                            "errors",
                            fields.stream()
                                    .map(f -> Map.of("field", f[0], "reason", f[1]))
                                    .toList());
        }
        if (release != null) {
            getBody().setProperty("release", release.toString());
        }
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        return pd;
    }

    public static ListProblem invalid(String field, String reason) {
        return new ListProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-input",
                "Invalid input",
                field + ": " + reason,
                List.<String[]>of(new String[] {field, reason}),
                null);
    }

    /** The import of a release failed; the previous release stays active. */
    public static ListProblem importFailed(UUID release, String field, String reason) {
        return new ListProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "list-import-failed",
                "List import failed",
                field + ": " + reason + " (the previous release stays active)",
                List.<String[]>of(new String[] {field, reason}),
                release);
    }

    public static ListProblem notFound(String detail) {
        return new ListProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of(), null);
    }

    public static ListProblem conflict(String detail) {
        return new ListProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of(), null);
    }

    public static ListProblem tooLarge(long limit) {
        String reason = "the file is larger than the limit of " + limit + " bytes";
        return new ListProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "content-too-large",
                "File too large",
                "file: " + reason,
                List.<String[]>of(new String[] {"file", reason}),
                null);
    }
}
