package org.lodestone.licensing.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationState;

/**
 * A submitted application as the reviewing authority works on it: who has it, since when its statutory clock runs and
 * where that clock stands. The clock columns are kept up to date at every pause and restart, so that the queue can
 * filter by days left and overdue in SQL: while the clock runs {@code clockDeadline} is exact (no further pauses are
 * known); while it is paused {@code clockBalance} (working days left, negative when overdue) is.
 *
 * <p>The clock starts on the day of submission: Lodestone refuses incomplete submissions, so a submitted application
 * is one the bureau could accept, and the applicant's 45 working days must not wait until a reviewer opens the case.
 */
public record ReviewCase(
        ApplicationId application,
        OrganisationId authority,
        String reference,
        String applicantName,
        ApplicationState state,
        boolean open,
        List<String> destinations,
        List<String> elements,
        Instant submittedAt,
        LocalDate submittedOn,
        @Nullable String assignee,
        @Nullable String assigneeName,
        @Nullable Instant assignedAt,
        LocalDate clockStartedOn,
        boolean clockPaused,
        LocalDate clockDeadline,
        int clockBalance,
        @Nullable LocalDate clockStoppedOn,
        @Nullable LocalDate informationDueOn) {

    public ReviewCase {
        destinations = List.copyOf(destinations);
        elements = List.copyOf(elements);
    }
}
