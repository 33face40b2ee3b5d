package org.lodestone.screening.lists;

/** A line of a list file that was not imported, and why; {@code excerpt} is at most 200 characters. */
public record RejectedLine(long line, String reason, String excerpt) {}
