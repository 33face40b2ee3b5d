package org.lodestone.traceability.epcis.codec;

import org.jspecify.annotations.Nullable;

/**
 * The document as a whole cannot be captured: malformed syntax, wrong root or type, missing {@code @context}, too many
 * events, a DTD or external entity. Carries the EPCIS 2.0 exception type a capture interface reports.
 */
public final class EpcisDocumentException extends RuntimeException {

    public static final String VALIDATION = "epcisException:ValidationException";
    public static final String CAPTURE_LIMIT_EXCEEDED = "epcisException:CaptureLimitExceededException";

    private final String errorType;
    private final String detail;
    private final @Nullable String pointer;

    EpcisDocumentException(String errorType, String detail, @Nullable String pointer, @Nullable Throwable cause) {
        super(errorType + ": " + detail + (pointer == null ? "" : " (at " + pointer + ")"), cause);
        this.errorType = errorType;
        this.detail = detail;
        this.pointer = pointer;
    }

    static EpcisDocumentException invalid(String detail, @Nullable String pointer) {
        return new EpcisDocumentException(VALIDATION, detail, pointer, null);
    }

    static EpcisDocumentException invalid(String detail, @Nullable String pointer, Throwable cause) {
        return new EpcisDocumentException(VALIDATION, detail, pointer, cause);
    }

    /** e.g. {@code epcisException:ValidationException}, {@code epcisException:CaptureLimitExceededException}. */
    public String errorType() {
        return errorType;
    }

    /** Human-readable reason naming what is wrong. */
    public String detail() {
        return detail;
    }

    /** Where in the document, when known (JSON pointer or XPath-like path, line and column for syntax errors). */
    public @Nullable String pointer() {
        return pointer;
    }
}
