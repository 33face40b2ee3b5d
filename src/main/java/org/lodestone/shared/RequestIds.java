package org.lodestone.shared;

/** Where the id of the current HTTP request lives, so logs and the audit trail can carry it without a web dependency. */
public final class RequestIds {

    /** MDC key holding the request id; set by the web module's request filter, read by audit and logging. */
    public static final String MDC_KEY = "requestId";

    /** Response and request header carrying the id across systems. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {}
}
