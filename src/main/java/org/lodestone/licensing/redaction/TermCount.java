package org.lodestone.licensing.redaction;

/**
 * How often the {@code term}-th search term (counting from 0, in the order given) was found on {@code page} (from 1).
 * The term itself is never kept: it is the secret.
 */
public record TermCount(int term, int page, int count) {}
