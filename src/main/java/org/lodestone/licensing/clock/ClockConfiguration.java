package org.lodestone.licensing.clock;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the one {@link StatutoryClock} of the application from the data file and the configured extras. The clock
 * classes themselves stay free of Spring; this is the only place that knows about properties and resources.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(ClockProperties properties, ResourceLoader resources) {
        WorkingCalendar fromFile;
        try (InputStream in = resources.getResource(properties.calendar()).getInputStream()) {
            fromFile = CalendarYaml.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the working calendar " + properties.calendar(), e);
        }
        WorkingCalendar calendar = fromFile.withExtras(
                dates(properties.extraHolidays(), "extra-holidays"),
                dates(properties.extraWorkingDays(), "extra-working-days"));
        log.info(
                "Working calendar: holiday data for {} (unverified: {}), {} extra holidays, {} extra working days",
                calendar.coveredYears(),
                calendar.unverifiedYears(),
                properties.extraHolidays().size(),
                properties.extraWorkingDays().size());
        return calendar;
    }

    @Bean
    StatutoryClock statutoryClock(WorkingCalendar calendar, ClockProperties properties) {
        return new StatutoryClock(calendar, properties.limitWorkingDays());
    }

    @Bean
    ClockToday clockToday(ClockProperties properties) {
        return new ClockToday(Clock.system(properties.zone()));
    }

    private static Set<LocalDate> dates(List<String> raw, String key) {
        var dates = new HashSet<LocalDate>();
        for (String s : raw) {
            try {
                dates.add(LocalDate.parse(s.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        "lodestone.licensing.clock." + key + ": '" + s + "' is not an ISO date (yyyy-mm-dd)");
            }
        }
        return dates;
    }
}
