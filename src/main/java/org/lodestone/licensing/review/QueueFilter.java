package org.lodestone.licensing.review;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.application.ApplicationState;

/**
 * What a reviewer asks of the queue. Every criterion is optional; an empty {@code states} means every open state.
 *
 * @param element an element symbol (e.g. {@code Dy}) named in an item's content
 * @param destination ISO 3166 alpha-2 country of the consignee or an end user
 * @param minAgeDays only cases submitted at least this many calendar days ago
 * @param maxDaysLeft only cases with at most this many working days left (overdue cases have 0)
 * @param overdue only cases past their statutory deadline
 * @param assignee {@code me}, {@code none}, or a username
 * @param text part of the reference or the applicant's name
 */
public record QueueFilter(
        Set<ApplicationState> states,
        @Nullable String element,
        @Nullable String destination,
        @Nullable Integer minAgeDays,
        @Nullable Integer maxDaysLeft,
        boolean overdue,
        @Nullable String assignee,
        @Nullable String text,
        Sort sort,
        int page,
        int size) {

    public QueueFilter {
        states = Set.copyOf(states);
    }

    public static QueueFilter all() {
        return new QueueFilter(Set.of(), null, null, null, null, false, null, null, Sort.DEADLINE, 0, 50);
    }

    public enum Sort {
        /** Most urgent first: running clocks by deadline, then paused ones by working days left. */
        DEADLINE,
        /** Oldest submission first. */
        AGE
    }
}
