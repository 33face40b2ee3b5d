package org.lodestone.licensing.clock;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the statutory clock ({@code lodestone.licensing.clock.*}).
 *
 * @param limitWorkingDays the review time limit in working days (Art. 17: 45)
 * @param extraHolidays ISO dates that are not working days in addition to the data file (e.g. a holiday announced after
 *     the release); override a make-up working day of the file on the same date
 * @param extraWorkingDays ISO dates (Saturdays or Sundays) that are working days in addition to the data file
 * @param calendar where the working-calendar data file is read from (a Spring resource location)
 * @param zone the time zone whose date is "today" for the clock (the competent authority's)
 */
@ConfigurationProperties("lodestone.licensing.clock")
record ClockProperties(
        @DefaultValue("45") int limitWorkingDays,
        @DefaultValue List<String> extraHolidays,
        @DefaultValue List<String> extraWorkingDays,
        @DefaultValue("classpath:" + CalendarYaml.RESOURCE) String calendar,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
