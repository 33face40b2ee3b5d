package org.lodestone.licensing.clock;

import java.time.Clock;
import java.time.LocalDate;

/**
 * "Today" for the statutory clock: the date in the competent authority's time zone (Asia/Shanghai by default), not the
 * server's, so a case does not gain or lose a day around midnight UTC.
 */
public final class ClockToday {

    private final Clock clock;

    public ClockToday(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
