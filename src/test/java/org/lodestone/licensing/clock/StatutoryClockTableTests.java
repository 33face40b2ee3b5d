package org.lodestone.licensing.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The statutory clock (#3) on the real calendar file: weekends, Spring Festival 2025 and 2026, National Day and
 * Mid-Autumn 2025 (1–8 Oct), make-up Saturdays and Sundays, information requests spanning holidays, open requests,
 * acceptance on a holiday, deadlines landing after holidays, overdue cases and dates outside the covered years.
 *
 * <p>Expected values were counted by hand on a printed calendar (spot checks) and by a day-by-day script independent of
 * the O(1) implementation; {@link #agreesWithADayByDayCountOnRandomCases} cross-checks the same rules at random.
 * Pauses are written {@code requested..answered} (answered empty = still open), several separated by {@code ;}.
 */
class StatutoryClockTableTests {

    static final WorkingCalendar CALENDAR = loadCalendar();

    static WorkingCalendar loadCalendar() {
        try {
            return CalendarYaml.parse(Files.readAllBytes(Path.of("src/main/resources/" + CalendarYaml.RESOURCE)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case | accepted | pauses | today | limit | used | left | deadline | paused | overdue | calendar warning
            weekdays only: first week | 2025-03-03 |  | 2025-03-07 | 45 | 4 | 41 | 2025-05-08 | false | false | false
            weekdays: 45 days across Qingming, make-up Sunday and Labour Day | 2025-03-03 |  | 2025-03-03 | 45 | 0 | 45 | 2025-05-08 | false | false | false
            on the deadline: not yet overdue | 2025-03-03 |  | 2025-05-08 | 45 | 45 | 0 | 2025-05-08 | false | false | false
            the working day after the deadline: overdue | 2025-03-03 |  | 2025-05-09 | 45 | 46 | 0 | 2025-05-08 | false | true | false
            accepted Friday: day 1 is Monday | 2025-03-07 |  | 2025-03-10 | 45 | 1 | 44 | 2025-05-14 | false | false | false
            accepted Saturday: weekend not counted | 2025-03-08 |  | 2025-03-09 | 45 | 0 | 45 | 2025-05-14 | false | false | false
            Spring Festival 2025 with make-up Sunday 26 Jan | 2025-01-24 |  | 2025-02-07 | 45 | 5 | 40 | 2025-04-03 | false | false | false
            make-up Saturday 8 Feb 2025 counts | 2025-02-07 |  | 2025-02-08 | 45 | 1 | 44 | 2025-04-11 | false | false | false
            accepted on a holiday (Spring Festival) | 2025-01-29 |  | 2025-02-05 | 3 | 1 | 2 | 2025-02-07 | false | false | false
            deadline on the make-up Sunday before the holiday | 2025-01-23 |  | 2025-01-24 | 3 | 1 | 2 | 2025-01-27 | false | false | false
            deadline lands after Spring Festival | 2025-01-23 |  | 2025-01-27 | 4 | 3 | 1 | 2025-02-05 | false | false | false
            National Day + Mid-Autumn 2025 (1-8 Oct) | 2025-09-26 |  | 2025-10-08 | 5 | 3 | 2 | 2025-10-10 | false | false | false
            make-up Saturday 11 Oct 2025 | 2025-10-09 |  | 2025-10-11 | 45 | 2 | 43 | 2025-12-10 | false | false | false
            Spring Festival 2026 with make-up Saturday 14 Feb | 2026-02-13 |  | 2026-02-16 | 3 | 1 | 2 | 2026-02-25 | false | false | false
            make-up Saturday 28 Feb 2026 | 2026-02-26 |  | 2026-02-28 | 45 | 2 | 43 | 2026-04-30 | false | false | false
            New Year 2026 and make-up Sunday 4 Jan | 2025-12-31 |  | 2026-01-05 | 45 | 2 | 43 | 2026-03-11 | false | false | false
            45 days through Spring Festival 2026 | 2026-01-20 |  | 2026-03-02 | 45 | 25 | 20 | 2026-03-30 | false | false | false
            information request spanning Spring Festival 2025 | 2025-01-13 | 2025-01-20..2025-02-10 | 2025-02-12 | 45 | 7 | 38 | 2025-04-08 | false | false | false
            open request: clock stopped, deadline moves | 2025-01-13 | 2025-01-20.. | 2025-02-12 | 45 | 4 | 41 | 2025-04-11 | true | false | false
            request answered the same day: no pause | 2025-03-03 | 2025-03-05..2025-03-05 | 2025-03-07 | 45 | 4 | 41 | 2025-05-08 | false | false | false
            request over National Day 2025 skips make-up Sunday | 2025-09-22 | 2025-09-26..2025-10-09 | 2025-10-10 | 45 | 5 | 40 | 2025-12-04 | false | false | false
            two overlapping requests count once | 2025-03-03 | 2025-03-10..2025-03-17;2025-03-12..2025-03-19 | 2025-03-21 | 45 | 7 | 38 | 2025-05-19 | false | false | false
            two separate requests | 2025-03-03 | 2025-03-05..2025-03-07;2025-03-12..2025-03-14 | 2025-03-14 | 45 | 5 | 40 | 2025-05-14 | false | false | false
            request dated before acceptance pauses only from day 1 | 2025-03-03 | 2025-02-20..2025-03-05 | 2025-03-07 | 45 | 3 | 42 | 2025-05-09 | false | false | false
            request on a weekend pauses no working day | 2025-03-03 | 2025-03-08..2025-03-10 | 2025-03-10 | 45 | 5 | 40 | 2025-05-08 | false | false | false
            overdue then information requested: still overdue | 2025-03-03 | 2025-05-12.. | 2025-05-13 | 45 | 46 | 0 | 2025-05-08 | true | true | false
            paused right on the deadline keeps days left | 2025-03-03 | 2025-05-08.. | 2025-05-12 | 45 | 44 | 1 | 2025-05-13 | true | false | false
            deadline falls in 2027: warning | 2026-12-01 |  | 2026-12-01 | 45 | 0 | 45 | 2027-02-02 | false | false | true
            accepted in 2024: warning, 2024 counted Mon-Fri | 2024-12-20 |  | 2025-01-06 | 45 | 10 | 35 | 2025-02-28 | false | false | true
            deadline after National Day 2026 with make-up Sunday 20 Sep | 2026-09-18 |  | 2026-09-30 | 9 | 8 | 1 | 2026-10-08 | false | false | false
            Dragon Boat 2025 and deadline after it | 2025-05-28 |  | 2025-06-03 | 3 | 3 | 0 | 2025-06-03 | false | false | false
            """)
    void readsTheClock(
            String description,
            LocalDate accepted,
            @Nullable String pauses,
            LocalDate today,
            int limit,
            int used,
            int left,
            LocalDate deadline,
            boolean paused,
            boolean overdue,
            boolean warning) {
        ClockReading r = new StatutoryClock(CALENDAR, limit).read(accepted, pauses(pauses), today);

        assertThat(r.daysUsed()).as("days used").isEqualTo(used);
        assertThat(r.daysLeft()).as("days left").isEqualTo(left);
        assertThat(r.daysOverdue()).as("days overdue").isEqualTo(Math.max(0, used - limit));
        assertThat(r.deadline()).as("deadline").isEqualTo(deadline);
        assertThat(r.paused()).as("paused").isEqualTo(paused);
        assertThat(r.overdue()).as("overdue").isEqualTo(overdue);
        assertThat(r.hasCalendarWarning()).as("calendar warning").isEqualTo(warning);
        assertThat(r.limit()).isEqualTo(limit);
    }

    @Test
    void warningNamesTheUncoveredYear() {
        ClockReading r = new StatutoryClock(CALENDAR, 45)
                .read(LocalDate.parse("2026-12-01"), List.of(), LocalDate.parse("2026-12-01"));

        assertThat(r.calendarWarning()).isNotNull();
        assertThat(r.calendarWarning().uncoveredYears()).containsExactly(2027);
        assertThat(r.calendarWarning().message())
                .isEqualTo("No public-holiday data for 2027: working days there are counted as Monday to Friday only"
                        + " (calendar covers 2025, 2026).");
    }

    @Test
    void defaultLimitIsFortyFiveWorkingDays() {
        assertThat(StatutoryClock.DEFAULT_LIMIT).isEqualTo(45);
    }

    /** The same rules, counted the slow way, must agree with the O(1) calendar on thousands of random cases. */
    @Test
    void agreesWithADayByDayCountOnRandomCases() {
        var random = new Random(20260301);
        WorkingCalendar calendar = CALENDAR.withExtras(
                java.util.Set.of(LocalDate.parse("2024-06-03")), java.util.Set.of(LocalDate.parse("2027-01-09")));
        for (int n = 0; n < 3000; n++) {
            LocalDate accepted = LocalDate.parse("2024-10-01").plusDays(random.nextInt(900));
            var pauses = new ArrayList<Pause>();
            for (int p = random.nextInt(3); p > 0; p--) {
                LocalDate from = accepted.plusDays(random.nextInt(80) - 5);
                pauses.add(
                        random.nextInt(4) == 0
                                ? Pause.open(from)
                                : Pause.closed(from, from.plusDays(random.nextInt(30))));
            }
            LocalDate today = accepted.plusDays(random.nextInt(120) - 3);
            int limit = 1 + random.nextInt(60);

            ClockReading fast = new StatutoryClock(calendar, limit).read(accepted, pauses, today);

            int used = 0;
            for (LocalDate d = accepted.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d) && !pausedOn(d, pauses, today)) {
                    used++;
                }
            }
            LocalDate deadline = accepted;
            for (int counted = 0; counted < limit; ) {
                deadline = deadline.plusDays(1);
                if (calendar.isWorkingDay(deadline) && !pausedOn(deadline, pauses, today)) {
                    counted++;
                }
            }
            String context = "case " + n + ": accepted " + accepted + ", pauses " + pauses + ", today " + today
                    + ", limit " + limit;
            assertThat(fast.daysUsed()).as(context).isEqualTo(used);
            assertThat(fast.deadline()).as(context).isEqualTo(deadline);
            assertThat(fast.overdue()).as(context).isEqualTo(used > limit);
        }
    }

    /** Day-by-day check of a working day, walking the data file rules without the precomputed index. */
    @Test
    void isWorkingDayFollowsTheNotices() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-26")))
                .as("make-up Sunday")
                .isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-01-28")))
                .as("Spring Festival eve")
                .isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-08")))
                .as("last day of National Day")
                .isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2025-10-09"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-23")))
                .as("Spring Festival Monday")
                .isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2026-02-28")))
                .as("make-up Saturday")
                .isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-01")))
                .as("uncovered: weekday counts")
                .isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2027-01-02")))
                .as("uncovered Saturday")
                .isFalse();
    }

    private static boolean pausedOn(LocalDate d, List<Pause> pauses, LocalDate today) {
        for (Pause p : pauses) {
            LocalDate end = p.answeredOn() != null
                    ? p.answeredOn()
                    : (p.requestedOn().isAfter(today) ? p.requestedOn() : today).plusDays(1);
            if (!d.isBefore(p.requestedOn()) && d.isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    static List<Pause> pauses(@Nullable String spec) {
        var list = new ArrayList<Pause>();
        if (spec == null || spec.isBlank()) {
            return list;
        }
        for (String part : spec.split(";")) {
            String[] ends = part.strip().split("\\.\\.", -1);
            LocalDate from = LocalDate.parse(ends[0].strip());
            list.add(ends[1].isBlank() ? Pause.open(from) : Pause.closed(from, LocalDate.parse(ends[1].strip())));
        }
        return list;
    }
}
