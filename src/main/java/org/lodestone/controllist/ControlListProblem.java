package org.lodestone.controllist;

import java.util.List;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused control-list request as an RFC 9457 problem: 422 with the rejected fields ({@code errors}), 404 for an
 * unknown entry, 409 for a stale version or a duplicate key. The web module renders it; no feature type is needed there.
 */
public final class ControlListProblem extends ErrorResponseException {

    private final List<FieldProblem> fieldProblems;

    private ControlListProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> fields) {
        super(status, Problems.of(status, type, title, detail, fields), null);
        this.fieldProblems = List.copyOf(fields);
    }

    /** 422: the input is well-formed JSON but some fields cannot be accepted. */
    public static ControlListProblem invalid(List<FieldProblem> fields) {
        String detail = Problems.summary(fields);
        return new ControlListProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", detail, fields);
    }

    public static ControlListProblem invalid(String field, String reason) {
        return invalid(List.of(new FieldProblem(field, reason)));
    }

    public static ControlListProblem notFound(String what) {
        return new ControlListProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what, List.of());
    }

    public static ControlListProblem conflict(String field, String reason) {
        return new ControlListProblem(
                HttpStatus.CONFLICT,
                "conflict",
                "Conflict",
                field + ": " + reason,
                List.of(new FieldProblem(field, reason)));
    }

    public static ControlListProblem forbidden(String detail) {
        return new ControlListProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
