package org.lodestone.licensing.review;

import org.lodestone.licensing.clock.ClockReading;

/**
 * One line of the queue: the case, its clock read today, its age in calendar days, and whether an information request
 * is past its due date without an answer.
 */
public record QueueEntry(ReviewCase reviewCase, ClockReading clock, long ageDays, boolean informationOverdue) {}
