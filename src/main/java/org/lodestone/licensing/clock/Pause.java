package org.lodestone.licensing.clock;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The clock stops while information is requested: from the day of the request up to, but not including, the day the
 * answer arrives, i.e. the half-open interval [requestedOn, answeredOn). The day of the answer counts again, the day of
 * the request does not (the applicant has the whole of that day to start gathering). {@code answeredOn} is null while
 * the request is open. The same shape serves the other periods Art. 17 excludes (identification, expert consultation,
 * on-site verification).
 */
public record Pause(LocalDate requestedOn, @Nullable LocalDate answeredOn) {

    public Pause {
        if (answeredOn != null && answeredOn.isBefore(requestedOn)) {
            throw new IllegalArgumentException("answeredOn " + answeredOn + " is before requestedOn " + requestedOn);
        }
    }

    public static Pause open(LocalDate requestedOn) {
        return new Pause(requestedOn, null);
    }

    public static Pause closed(LocalDate requestedOn, LocalDate answeredOn) {
        return new Pause(requestedOn, answeredOn);
    }

    public boolean isOpen() {
        return answeredOn == null;
    }
}
