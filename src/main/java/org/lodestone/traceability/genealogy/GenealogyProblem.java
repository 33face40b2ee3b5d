package org.lodestone.traceability.genealogy;

import java.util.List;
import org.lodestone.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refused trace or export listing as an RFC 9457 problem: 422 naming the rejected parameter, 404 for an identifier
 * without links the caller may see (the same answer as for one never captured), 403 for a user without a scope.
 */
public final class GenealogyProblem extends ErrorResponseException {

    public record FieldError(String field, String reason) implements Problems.FieldReason {}

    private GenealogyProblem(HttpStatus status, String type, String title, String detail, List<FieldError> fields) {
        super(status, Problems.of(status, type, title, detail, fields), null);
    }

    public static GenealogyProblem invalid(String field, String reason) {
        List<FieldError> fields = List.of(new FieldError(field, reason));
        return new GenealogyProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", Problems.summary(fields), fields);
    }

    public static GenealogyProblem notFound(String detail) {
        return new GenealogyProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of());
    }

    public static GenealogyProblem forbidden(String detail) {
        return new GenealogyProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
    }

    public String detail() {
        String detail = getBody().getDetail();
        return detail == null ? "" : detail;
    }
}
