package org.lodestone.licensing.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Which days are working days: Monday to Friday, except public holidays, plus make-up working days (调休: a Saturday or
 * Sunday declared a working day to bridge a holiday). Immutable and O(1) per question: the days of every year that has
 * holiday data are precomputed into a cumulative count, and outside those years Monday–Friday is counted in closed form,
 * so counting the working days between two dates never loops over days.
 *
 * <p>The calendar knows which years it <em>covers</em> (has official holiday data for). Outside them it still answers,
 * counting weekdays only, but {@link #check} reports the gap so a deadline is never silently computed without holidays.
 * Guarded by {@code WorkingCalendarUnitTests} and {@code StatutoryClockTableTests}.
 */
public final class WorkingCalendar {

    /** 1969-12-29, a Monday, as an epoch day: the origin of the closed-form weekday count. */
    private static final long MONDAY_ORIGIN = -3;

    private final SortedSet<Integer> coveredYears;
    private final SortedSet<Integer> unverifiedYears;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingDays;
    /** First and last epoch day of the precomputed span; {@code spanEnd < spanStart} when nothing is precomputed. */
    private final long spanStart;

    private final long spanEnd;
    /** {@code cumulative[i]} = working days in [spanStart, spanStart + i]. */
    private final int[] cumulative;
    /** Ordinal of the day before the span; the ordinal is the weekday count outside the span, shifted after it. */
    private final long beforeSpan;

    private final long afterSpanShift;

    private WorkingCalendar(
            Collection<Integer> coveredYears,
            Collection<Integer> unverifiedYears,
            Set<LocalDate> holidays,
            Set<LocalDate> workingDays) {
        this.coveredYears = new TreeSet<>(coveredYears);
        this.unverifiedYears = new TreeSet<>(unverifiedYears);
        this.holidays = Set.copyOf(holidays);
        this.workingDays = Set.copyOf(workingDays);
        for (LocalDate d : this.workingDays) {
            if (this.holidays.contains(d)) {
                throw new IllegalArgumentException(d + " is listed both as a holiday and as a working day");
            }
        }
        var years = new TreeSet<>(this.coveredYears);
        this.holidays.forEach(d -> years.add(d.getYear()));
        this.workingDays.forEach(d -> years.add(d.getYear()));
        if (years.isEmpty()) {
            spanStart = 0;
            spanEnd = -1;
            cumulative = new int[0];
            beforeSpan = 0;
            afterSpanShift = 0;
        } else {
            spanStart = LocalDate.of(years.first(), 1, 1).toEpochDay();
            spanEnd = LocalDate.of(years.last(), 12, 31).toEpochDay();
            cumulative = new int[(int) (spanEnd - spanStart + 1)];
            int count = 0;
            for (int i = 0; i < cumulative.length; i++) {
                if (rawWorkingDay(LocalDate.ofEpochDay(spanStart + i))) {
                    count++;
                }
                cumulative[i] = count;
            }
            beforeSpan = weekdays(spanStart - 1);
            afterSpanShift = beforeSpan + count - weekdays(spanEnd);
        }
    }

    /**
     * A calendar with official data for {@code coveredYears} ({@code unverifiedYears} among them are covered but flagged)
     * and the given holidays and make-up working days (which may also fall outside the covered years, e.g. configured
     * extras).
     */
    public static WorkingCalendar of(
            Collection<Integer> coveredYears,
            Collection<Integer> unverifiedYears,
            Set<LocalDate> holidays,
            Set<LocalDate> workingDays) {
        if (!coveredYears.containsAll(unverifiedYears)) {
            throw new IllegalArgumentException("unverified years must be among the covered years");
        }
        return new WorkingCalendar(coveredYears, unverifiedYears, holidays, workingDays);
    }

    /** Monday to Friday, no holiday data at all: every question is answered with a warning. */
    public static WorkingCalendar weekendsOnly() {
        return new WorkingCalendar(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** This calendar plus configured extra holidays and make-up working days; an extra overrides the data file. */
    public WorkingCalendar withExtras(Set<LocalDate> extraHolidays, Set<LocalDate> extraWorkingDays) {
        var h = new HashSet<>(holidays);
        var w = new HashSet<>(workingDays);
        h.removeAll(extraWorkingDays);
        w.removeAll(extraHolidays);
        h.addAll(extraHolidays);
        w.addAll(extraWorkingDays);
        return new WorkingCalendar(coveredYears, unverifiedYears, h, w);
    }

    public boolean isWorkingDay(LocalDate day) {
        long e = day.toEpochDay();
        if (e >= spanStart && e <= spanEnd) {
            int i = (int) (e - spanStart);
            return cumulative[i] != (i == 0 ? 0 : cumulative[i - 1]);
        }
        return !isWeekend(day);
    }

    /** Working days in the half-open interval (after, until]: the day {@code after} itself is not counted. */
    public int workingDaysBetween(LocalDate after, LocalDate until) {
        if (!until.isAfter(after)) {
            return 0;
        }
        return Math.toIntExact(ordinal(until.toEpochDay()) - ordinal(after.toEpochDay()));
    }

    /** The {@code n}-th working day strictly after {@code day} ({@code n ≥ 1}); {@code day} itself never counts. */
    public LocalDate workingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        long target = ordinal(day.toEpochDay()) + n;
        long e;
        if (cumulative.length == 0 || target <= beforeSpan) {
            e = firstWithWeekdays(target);
        } else if (target <= beforeSpan + cumulative[cumulative.length - 1]) {
            int i = Arrays.binarySearch(cumulative, (int) (target - beforeSpan));
            // Several days share a count (non-working days repeat the previous one): step back to the first of them.
            while (i > 0 && cumulative[i - 1] == cumulative[i]) {
                i--;
            }
            e = spanStart + i;
        } else {
            e = firstWithWeekdays(target - afterSpanShift);
        }
        return LocalDate.ofEpochDay(e);
    }

    /** Whether the calendar has official holiday data for the year of {@code day}. */
    public boolean covers(LocalDate day) {
        return coveredYears.contains(day.getYear());
    }

    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(coveredYears);
    }

    public SortedSet<Integer> unverifiedYears() {
        return Collections.unmodifiableSortedSet(unverifiedYears);
    }

    /**
     * A warning when any day of [from, to] lies in a year without holiday data, or with data marked unverified;
     * {@code null} when the whole range is covered by verified data.
     */
    public @Nullable CalendarWarning check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return null;
        }
        var uncovered = new ArrayList<Integer>();
        var unverified = new ArrayList<Integer>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (!coveredYears.contains(y)) {
                uncovered.add(y);
            } else if (unverifiedYears.contains(y)) {
                unverified.add(y);
            }
        }
        if (uncovered.isEmpty() && unverified.isEmpty()) {
            return null;
        }
        return new CalendarWarning(uncovered, unverified, List.copyOf(coveredYears));
    }

    private boolean rawWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        return workingDays.contains(day) || !isWeekend(day);
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /** A monotone count of working days up to and including the epoch day (origin arbitrary; only differences matter). */
    private long ordinal(long epochDay) {
        if (cumulative.length == 0 || epochDay < spanStart) {
            return weekdays(epochDay);
        }
        if (epochDay <= spanEnd) {
            return beforeSpan + cumulative[(int) (epochDay - spanStart)];
        }
        return weekdays(epochDay) + afterSpanShift;
    }

    /** Mondays to Fridays in [origin, epochDay]; 0 on the Sunday before the origin, negative before it. */
    static long weekdays(long epochDay) {
        long k = epochDay - MONDAY_ORIGIN;
        return Math.floorDiv(k, 7) * 5 + Math.min(Math.floorMod(k, 7) + 1, 5);
    }

    /** The first epoch day whose {@link #weekdays} count reaches {@code count} (always a Monday–Friday). */
    static long firstWithWeekdays(long count) {
        long weeks = Math.floorDiv(count - 1, 5);
        long rest = Math.floorMod(count - 1, 5);
        return MONDAY_ORIGIN + weeks * 7 + rest;
    }
}
