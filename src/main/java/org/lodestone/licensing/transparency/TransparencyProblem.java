package org.lodestone.licensing.transparency;

import java.util.List;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused access-transparency request as an RFC 9457 problem: 422 naming the field for a missing or wrong purpose
 * and invalid filters or export requests, 404 for what the caller may not see, 403 for a decision the caller may not
 * take (e.g. approving one's own export), 409 for an export in the wrong state.
 */
public final class TransparencyProblem extends ErrorResponseException {

    private final String field;
    private final String reason;

    private TransparencyProblem(HttpStatus status, String type, String title, String field, String reason) {
        super(
                status,
                Problems.of(
                        status,
                        type,
                        title,
                        field.isEmpty() ? reason : field + ": " + reason,
                        field.isEmpty() ? List.of() : List.of(new Field(field, reason))),
                null);
        this.field = field;
        this.reason = reason;
    }

    private record Field(String field, String reason) implements Problems.FieldReason {}

    /** 422: the purpose of a read is missing or names another case. */
    public static TransparencyProblem purpose(String reason) {
        return new TransparencyProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "purpose-required", "Purpose required", "purpose", reason);
    }

    public static TransparencyProblem invalid(String field, String reason) {
        return new TransparencyProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", field, reason);
    }

    public static TransparencyProblem notFound(String reason) {
        return new TransparencyProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "", reason);
    }

    public static TransparencyProblem forbidden(String type, String reason) {
        return new TransparencyProblem(HttpStatus.FORBIDDEN, type, "Forbidden", "", reason);
    }

    public static TransparencyProblem conflict(String type, String reason) {
        return new TransparencyProblem(HttpStatus.CONFLICT, type, "Conflict", "", reason);
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
