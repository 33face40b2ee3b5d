package org.lodestone.licensing.invitation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refused invitation request as RFC 9457 problem: 404 unknown (or not yours), 410 a link that was used, revoked or
 * has expired, 409 a state that forbids the act, 422 a field, 403 a caller who may see but not do.
 */
public final class InvitationProblem extends ErrorResponseException {

    private InvitationProblem(HttpStatus status, String type, String title, String detail, String field) {
        super(status, problem(status, type, title, detail, field), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String field) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, field.isEmpty() ? detail : field + ": " + detail);
        pd.setTitle(title);
        pd.setType(URI.create("urn:lodestone:problem:" + type));
        if (!field.isEmpty()) {
            pd.setProperty("errors", List.of(Map.of("field", field, "reason", detail)));
        }
        return pd;
    }

    static InvitationProblem notFound() {
        return new InvitationProblem(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "this invitation link is not valid", "");
    }

    static InvitationProblem gone() {
        return new InvitationProblem(
                HttpStatus.GONE,
                "invitation-gone",
                "Invitation no longer valid",
                "this invitation link was already used, has been revoked or has expired; ask the exporter for a new one",
                "");
    }

    static InvitationProblem invalid(String field, String reason) {
        return new InvitationProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", reason, field);
    }

    static InvitationProblem conflict(String detail) {
        return new InvitationProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, "");
    }

    static InvitationProblem forbidden(String detail) {
        return new InvitationProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, "");
    }

    static InvitationProblem invitationNotFound() {
        return new InvitationProblem(
                HttpStatus.NOT_FOUND, "not-found", "Not found", "no such invitation on this application", "");
    }
}
