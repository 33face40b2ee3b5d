package org.lodestone.licensing.clock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the working days a case has used out of its statutory limit. Art. 17 of the Regulations on Export Control of
 * Dual-Use Items (State Council Order 792): a decision within 45 working days "from the day the application is accepted"
 * (自受理申请之日起); time for identification, expert consultation and on-site verification is not counted.
 *
 * <p>Counting rules:
 *
 * <ul>
 *   <li>Day 1 is the first working day <em>after</em> the acceptance date: the day of acceptance is not counted, as in
 *       the general rule of Chinese law for periods counted in days (Civil Code Art. 201: 开始的当日不计入) and the
 *       practice under the Administrative Licensing Law (working days, statutory holidays excluded, Art. 82). So
 *       accepting on a holiday or a Friday changes nothing: day 1 is the next working day.
 *   <li>A day is "used" once it has begun: on the deadline itself {@code daysUsed == limit}, {@code daysLeft == 0} and
 *       the case is not overdue; it is overdue from the next working day.
 *   <li>Pauses cover [requestedOn, answeredOn): see {@link Pause}. Overlapping pauses are merged.
 * </ul>
 *
 * <p>Immutable and cheap: a reading costs O(number of pauses), each step O(1) on the precomputed calendar, so a queue of
 * 100,000 cases can be read on every page. Guarded by {@code StatutoryClockTableTests}.
 */
public final class StatutoryClock {

    public static final int DEFAULT_LIMIT = 45;

    private final WorkingCalendar calendar;
    private final int limit;

    public StatutoryClock(WorkingCalendar calendar, int limitWorkingDays) {
        if (limitWorkingDays < 1) {
            throw new IllegalArgumentException("the limit must be at least 1 working day, was " + limitWorkingDays);
        }
        this.calendar = calendar;
        this.limit = limitWorkingDays;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public int limit() {
        return limit;
    }

    /** The clock of a case accepted on {@code acceptedOn}, with its pauses, as of the end of {@code today}. */
    public ClockReading read(LocalDate acceptedOn, List<Pause> pauses, LocalDate today) {
        List<long[]> stops = normalise(acceptedOn, pauses, today);

        int counted = calendar.workingDaysBetween(acceptedOn, today);
        boolean paused = false;
        for (long[] s : stops) {
            LocalDate from = LocalDate.ofEpochDay(s[0]);
            LocalDate lastPaused = LocalDate.ofEpochDay(s[1] - 1);
            LocalDate until = lastPaused.isAfter(today) ? today : lastPaused;
            counted -= calendar.workingDaysBetween(from.minusDays(1), until);
            if (!today.isBefore(from) && today.isBefore(LocalDate.ofEpochDay(s[1]))) {
                paused = true;
            }
        }
        int used = Math.max(0, counted);

        LocalDate deadline = deadline(acceptedOn, stops);
        LocalDate last = deadline.isAfter(today) ? deadline : today;
        CalendarWarning warning = calendar.check(acceptedOn.plusDays(1), last);
        return new ClockReading(
                limit,
                used,
                Math.max(0, limit - used),
                Math.max(0, used - limit),
                deadline,
                paused,
                used > limit,
                warning);
    }

    /** The day the limit-th counted working day falls on, walking the gaps between the pauses. */
    private LocalDate deadline(LocalDate acceptedOn, List<long[]> stops) {
        LocalDate cursor = acceptedOn;
        int need = limit;
        for (long[] s : stops) {
            LocalDate lastBefore = LocalDate.ofEpochDay(s[0] - 1);
            int available = calendar.workingDaysBetween(cursor, lastBefore);
            if (need <= available) {
                return calendar.workingDayAfter(cursor, need);
            }
            need -= available;
            cursor = LocalDate.ofEpochDay(s[1] - 1);
        }
        return calendar.workingDayAfter(cursor, need);
    }

    /**
     * Pauses as sorted, merged, non-empty half-open epoch-day intervals [from, until) starting after acceptance. An open
     * pause is taken to end the day after {@code today}: it covers today, and the projection assumes the answer then.
     */
    private static List<long[]> normalise(LocalDate acceptedOn, List<Pause> pauses, LocalDate today) {
        long firstCountable = acceptedOn.toEpochDay() + 1;
        var intervals = new ArrayList<long[]>(pauses.size());
        for (Pause p : pauses) {
            long from = Math.max(p.requestedOn().toEpochDay(), firstCountable);
            long until = p.answeredOn() != null
                    ? p.answeredOn().toEpochDay()
                    : Math.max(p.requestedOn().toEpochDay(), today.toEpochDay()) + 1;
            if (until > from) {
                intervals.add(new long[] {from, until});
            }
        }
        intervals.sort(Comparator.comparingLong(i -> i[0]));
        var merged = new ArrayList<long[]>(intervals.size());
        for (long[] i : intervals) {
            long[] prev = merged.isEmpty() ? null : merged.getLast();
            if (prev != null && i[0] <= prev[1]) {
                prev[1] = Math.max(prev[1], i[1]);
            } else {
                merged.add(new long[] {i[0], i[1]});
            }
        }
        return merged;
    }
}
