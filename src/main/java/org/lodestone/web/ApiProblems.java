package org.lodestone.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one place that turns exceptions from REST controllers into RFC 9457 {@code application/problem+json}: every
 * client mistake becomes a 400 that names the field and the reason, feature exceptions keep their own status and
 * properties, and anything unexpected becomes a 500 whose body holds only a generic sentence and the request id (the
 * stack trace goes to the server log). Messages are written here rather than copied from Jackson, whose texts name
 * internal Java classes. Guarded by {@code ProblemDetailsTests}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final int MAX_ECHO = 80;

    /** One field a client got wrong, as listed under the problem property {@code errors}. */
    public record FieldProblem(String field, String reason) {}

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = find(ex, JacksonException.class);
        ProblemDetail problem;
        if (json == null) {
            problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "Unreadable request body",
                    ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                            ? "The request body is missing."
                            : "The request body could not be read as JSON.");
        } else if (json instanceof StreamReadException || json instanceof UnexpectedEndOfInputException) {
            var location = json.getLocation();
            String where = location == null || location.getLineNr() < 0
                    ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            String path = path(json);
            problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "malformed-json",
                    "Malformed JSON",
                    "The request body is not well-formed JSON" + where + (path.isEmpty() ? "" : " (in '" + path + "')")
                            + ": " + syntaxReason(json));
            if (!path.isEmpty()) {
                problem.setProperty("errors", List.of(new FieldProblem(path, "malformed JSON")));
            }
        } else {
            String field = path(json);
            String reason = bindingReason(json);
            problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-json",
                    "Invalid request body",
                    (field.isEmpty() ? "The request body" : "Field '" + field + "'") + ": " + reason);
            problem.setProperty("errors", List.of(new FieldProblem(field.isEmpty() ? "$" : field, reason)));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldProblem>();
        for (var error : ex.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
            errors.add(new FieldProblem(field, reason(error)));
        }
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = new ArrayList<FieldProblem>();
        for (var result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (var error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? fe.getField() : name == null ? "parameter" : name;
                errors.add(new FieldProblem(field, reason(error)));
            }
        }
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        IllegalArgumentException ours = ownIllegalArgument(ex);
        String reason = ours != null
                ? ours.getMessage()
                : "'" + echo(ex.getValue()) + "' is not " + describe(ex.getRequiredType());
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-parameter",
                "Invalid parameter",
                "Parameter '" + name + "': " + reason);
        problem.setProperty("errors", List.of(new FieldProblem(name, reason)));
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "missing-parameter",
                "Missing parameter",
                "Parameter '" + ex.getParameterName() + "' is required.");
        problem.setProperty("errors", List.of(new FieldProblem(ex.getParameterName(), "is required")));
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /**
     * Value types ({@code CountryCode}, ids) reject bad input with an {@link IllegalArgumentException} whose message we
     * wrote and which names the offending value, so echoing it is safe. Other origins (framework or JDBC assertions)
     * are programming errors: they get the generic 500.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex, WebRequest request) {
        if (!isOurs(ex)) {
            return unexpected(ex, request);
        }
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", ex.getMessage());
        return handleExceptionInternal(
                ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        // Security decides 401/403 itself (ExceptionTranslationFilter); swallowing these would turn a denial into a
        // 500.
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex instanceof RuntimeException re ? re : new IllegalStateException(ex);
        }
        String requestId = requestId(request);
        log.error("Unhandled exception (request id {})", requestId, ex);
        var problem = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "Something went wrong on our side. Quote request id " + requestId + " when reporting it.");
        return handleExceptionInternal(
                ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** Adds what every problem from this application carries: the request path as {@code instance}, and the request id. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse er) {
            body = er.updateAndGetBody(getMessageSource(), request.getLocale());
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() == null
                    && request instanceof NativeWebRequest nwr
                    && nwr.getNativeRequest() instanceof HttpServletRequest http) {
                problem.setInstance(URI.create(http.getRequestURI()));
            }
            problem.setProperty("requestId", requestId(request));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> validationProblem(
            Exception ex, List<FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        String summary = errors.stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; "));
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid request",
                (errors.size() == 1 ? "1 field is invalid: " : errors.size() + " fields are invalid: ") + summary);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:lodestone:problem:" + slug));
        problem.setTitle(title);
        return problem;
    }

    /** The JSON path of the offending value, e.g. {@code items[2].quantity}; empty for the document itself. */
    static String path(JacksonException ex) {
        var sb = new StringBuilder();
        for (var ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String bindingReason(JacksonException ex) {
        if (ex instanceof PropertyBindingException unknown) {
            return "unknown property '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
        }
        if (ex instanceof InvalidNullException) {
            return "must not be null";
        }
        if (ex instanceof ValueInstantiationException) {
            IllegalArgumentException ours = ownIllegalArgument(ex);
            return ours != null ? ours.getMessage() : "is not a valid value";
        }
        if (ex instanceof InvalidFormatException format) {
            return "'" + echo(format.getValue()) + "' is not " + describe(format.getTargetType());
        }
        if (ex instanceof MismatchedInputException mismatch) {
            IllegalArgumentException ours = ownIllegalArgument(ex);
            if (ours != null) {
                return ours.getMessage();
            }
            var token = mismatch.getCurrentToken();
            return "expected " + describe(mismatch.getTargetType())
                    + (token == null
                            ? ""
                            : " but found "
                                    + token.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return "is not a valid value";
    }

    private static String known(@Nullable Collection<Object> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 30) {
            return "";
        }
        return " (known properties: "
                + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }

    /** Jackson's syntax messages name characters and tokens, not classes; its location suffix is reported separately. */
    private static String syntaxReason(JacksonException ex) {
        String original = ex.getOriginalMessage();
        if (original == null) {
            return "syntax error";
        }
        int cut = original.indexOf('\n');
        String reason = cut < 0 ? original : original.substring(0, cut);
        // Jackson appends where the enclosing object started, quoting its own source settings: not for clients.
        int marker = reason.indexOf(" (start marker at");
        return truncate(marker < 0 ? reason : reason.substring(0, marker), 200);
    }

    /** Human name of the expected type, so clients never read Java class names. */
    static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == java.time.Instant.class) {
            return "a timestamp (ISO 8601, e.g. 2025-01-31T12:00:00Z)";
        }
        if (type == LocalDateTime.class || type == LocalTime.class || Temporal.class.isAssignableFrom(type)) {
            return "an ISO 8601 date/time";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "an object";
        }
        return "a valid value";
    }

    private static String reason(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /**
     * Thrown by our own code, possibly through a JDK parser it called ({@code UUID.fromString} inside
     * {@code UserId.of}): the first frame outside the JDK is ours.
     */
    static boolean isOurs(Throwable ex) {
        if (ex.getMessage() == null) {
            return false;
        }
        for (var frame : ex.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                continue;
            }
            return cls.startsWith("org.lodestone.");
        }
        return false;
    }

    private static @Nullable IllegalArgumentException ownIllegalArgument(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae && isOurs(iae)) {
                return iae;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String echo(@Nullable Object value) {
        return truncate(String.valueOf(value), MAX_ECHO);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String requestId(WebRequest request) {
        if (request instanceof NativeWebRequest nwr && nwr.getNativeRequest() instanceof HttpServletRequest http) {
            String id = RequestIdFilter.of(http);
            if (id != null) {
                return id;
            }
        }
        String id = org.slf4j.MDC.get(org.lodestone.shared.RequestIds.MDC_KEY);
        return id == null ? "none" : id;
    }
}
