package org.lodestone.licensing.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working calendar (#3): data-file strictness, configured extras, coverage warnings and the closed-form count. */
class WorkingCalendarUnitTests {

    static WorkingCalendar parse(String yaml) {
        return CalendarYaml.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedFileCoversTwoThousandTwentyFiveAndSixVerified() {
        WorkingCalendar calendar = StatutoryClockTableTests.CALENDAR;
        assertThat(calendar.coveredYears()).containsExactly(2025, 2026);
        assertThat(calendar.unverifiedYears()).isEmpty();
        // 2025: 365 days − 104 weekend days − 18 holidays falling on weekdays + 5 make-up weekend days
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-12-31")))
                .isEqualTo(248);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            date outside its year | {from: "2026-01-01", to: "2026-01-01"} | | $.years[0].holidays[0].from: 2026-01-01 is not in 2025
            to before from | {from: "2025-05-05", to: "2025-05-01"} | | $.years[0].holidays[0]: to 2025-05-01 is before from 2025-05-05
            make-up day on a weekday | | {date: "2025-03-04"} | $.years[0].workingDays[0].date: 2025-03-04 is a TUESDAY, already a working day
            holiday and working day at once | {from: "2025-01-26", to: "2025-01-26"} | {date: "2025-01-26"} | 2025-01-26 is both a holiday and a working day
            not a date | {from: "5 May", to: "2025-05-01"} | | $.years[0].holidays[0].from: not an ISO date: 5 May
            """)
    void refusesTyposWithThePathOfTheNode(String description, String holiday, String workingDay, String message) {
        String yaml = "years:\n  - year: 2025\n    status: verified\n"
                + (holiday == null ? "" : "    holidays:\n      - " + holiday + "\n")
                + (workingDay == null ? "" : "    workingDays:\n      - " + workingDay + "\n");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnverifiedYearIsCoveredButFlagged() {
        WorkingCalendar calendar = parse("""
                years:
                  - year: 2027
                    status: unverified
                    holidays:
                      - {from: "2027-01-01", to: "2027-01-01"}
                """);

        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        CalendarWarning warning = calendar.check(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-01"));
        assertThat(warning).isNotNull();
        assertThat(warning.uncoveredYears()).isEmpty();
        assertThat(warning.unverifiedYears()).containsExactly(2027);
        assertThat(warning.message()).isEqualTo("Public-holiday data for 2027 is unverified.");
    }

    @Test
    void extrasAddHolidaysAndWorkingDaysAndOverrideTheFile() {
        WorkingCalendar calendar = StatutoryClockTableTests.CALENDAR.withExtras(
                Set.of(LocalDate.parse("2025-03-05"), LocalDate.parse("2025-01-26")),
                Set.of(LocalDate.parse("2025-03-08"), LocalDate.parse("2025-10-08")));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-05")))
                .as("extra holiday")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-26")))
                .as("make-up day cancelled")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-08")))
                .as("extra working Saturday")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-08")))
                .as("holiday turned working")
                .isTrue();
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-09")))
                .as("Tue, Thu, Fri, Sat")
                .isEqualTo(4);
        assertThat(calendar.coveredYears()).containsExactly(2025, 2026);
    }

    @Test
    void extrasOutsideTheCoveredYearsCountButStillWarn() {
        WorkingCalendar calendar =
                StatutoryClockTableTests.CALENDAR.withExtras(Set.of(LocalDate.parse("2027-01-01")), Set.of());

        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.workingDayAfter(LocalDate.parse("2026-12-31"), 1)).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(calendar.check(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-04")))
                .isNotNull()
                .extracting(CalendarWarning::uncoveredYears)
                .isEqualTo(List.of(2027));
    }

    @Test
    void aCalendarWithoutDataWarnsEverywhere() {
        WorkingCalendar calendar = WorkingCalendar.weekendsOnly();

        assertThat(calendar.check(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-03-04")))
                .isNotNull()
                .extracting(CalendarWarning::message)
                .isEqualTo("No public-holiday data for 2025: working days there are counted as Monday to Friday only"
                        + " (calendar covers no year).");
        assertThat(calendar.workingDayAfter(LocalDate.parse("2025-03-07"), 1)).isEqualTo(LocalDate.parse("2025-03-10"));
    }

    @Test
    void closedFormWeekdayCountMatchesALoopAcrossCenturies() {
        LocalDate day = LocalDate.parse("1899-12-25");
        long count = WorkingCalendar.weekdays(day.toEpochDay());
        for (int i = 0; i < 80_000; i++) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
                assertThat(WorkingCalendar.firstWithWeekdays(count)).isEqualTo(day.toEpochDay());
            }
            assertThat(WorkingCalendar.weekdays(day.toEpochDay())).isEqualTo(count);
        }
    }

    @Test
    void workingDayAfterRefusesNonPositiveCounts() {
        assertThatThrownBy(() -> StatutoryClockTableTests.CALENDAR.workingDayAfter(LocalDate.parse("2025-03-03"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
