package org.lodestone.licensing.clock;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The statutory clock of one case on one day.
 *
 * @param limit the working days allowed (45 by default)
 * @param daysUsed working days counted since acceptance up to and including the day asked about (paused days excluded);
 *     may exceed {@code limit}
 * @param daysLeft {@code limit - daysUsed}, never negative
 * @param daysOverdue {@code daysUsed - limit}, never negative
 * @param deadline the last working day of the limit, assuming no further pauses; while a request is open it assumes the
 *     answer arrives the next day, so it moves forward every day the case stays paused
 * @param paused whether the clock is stopped on the day asked about (an information request is open)
 * @param overdue whether more working days have been used than allowed
 * @param calendarWarning set when the count or the deadline touches a year without verified holiday data
 */
public record ClockReading(
        int limit,
        int daysUsed,
        int daysLeft,
        int daysOverdue,
        LocalDate deadline,
        boolean paused,
        boolean overdue,
        @Nullable CalendarWarning calendarWarning) {

    public boolean hasCalendarWarning() {
        return calendarWarning != null;
    }
}
