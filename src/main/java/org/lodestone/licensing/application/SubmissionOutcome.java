package org.lodestone.licensing.application;

/**
 * The answer to a submission as it was first given: HTTP status and response body. {@code replayed} is true when an
 * earlier request with the same idempotency key produced it and nothing was submitted again.
 */
public record SubmissionOutcome(int status, String body, boolean replayed) {}
