package org.lodestone.audit.http;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400: a query parameter of the audit API is malformed; the problem names the parameter and the reason. */
final class InvalidAuditQuery extends ErrorResponseException {

    InvalidAuditQuery(String parameter, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, reason), null);
    }

    private static ProblemDetail problem(String parameter, String reason) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameter '" + parameter + "' " + reason);
        problem.setTitle("Invalid audit query");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "reason", reason)));
        return problem;
    }
}
