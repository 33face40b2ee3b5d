package org.lodestone.licensing.clock;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code licensing/working-calendar.yaml} into a {@link WorkingCalendar}. Strict, with the path of the offending
 * node in every message: a date outside its year, a make-up "working day" that is already a weekday, or a day that is
 * both holiday and working day is a typo that would shift deadlines silently, so it stops the start instead. Guarded by
 * {@code WorkingCalendarUnitTests}.
 */
final class CalendarYaml {

    static final String RESOURCE = "licensing/working-calendar.yaml";

    private CalendarYaml() {}

    static WorkingCalendar parse(byte[] bytes) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new SafeConstructor(options)).load(new String(bytes, StandardCharsets.UTF_8));
        Map<?, ?> doc = map(root, "$");
        var covered = new HashSet<Integer>();
        var unverified = new HashSet<Integer>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        int i = 0;
        for (Object o : list(doc.get("years"), "$.years")) {
            String path = "$.years[" + i++ + "]";
            Map<?, ?> y = map(o, path);
            if (!(y.get("year") instanceof Integer year)) {
                throw invalid(path + ".year", "must be a year number");
            }
            if (!covered.add(year)) {
                throw invalid(path + ".year", year + " is listed twice");
            }
            switch (String.valueOf(y.get("status"))) {
                case "verified" -> {}
                case "unverified" -> unverified.add(year);
                default -> throw invalid(path + ".status", "must be verified or unverified");
            }
            int j = 0;
            for (Object h : list(y.get("holidays"), path + ".holidays")) {
                String hp = path + ".holidays[" + j++ + "]";
                Map<?, ?> range = map(h, hp);
                LocalDate from = date(range.get("from"), hp + ".from", year);
                LocalDate to = date(range.get("to"), hp + ".to", year);
                if (to.isBefore(from)) {
                    throw invalid(hp, "to " + to + " is before from " + from);
                }
                from.datesUntil(to.plusDays(1)).forEach(holidays::add);
            }
            j = 0;
            for (Object w : list(y.get("workingDays"), path + ".workingDays")) {
                String wp = path + ".workingDays[" + j++ + "]";
                LocalDate d = date(map(w, wp).get("date"), wp + ".date", year);
                DayOfWeek dow = d.getDayOfWeek();
                if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                    throw invalid(wp + ".date", d + " is a " + dow + ", already a working day");
                }
                working.add(d);
            }
        }
        for (LocalDate d : working) {
            if (holidays.contains(d)) {
                throw invalid("$.years", d + " is both a holiday and a working day");
            }
        }
        return WorkingCalendar.of(covered, unverified, holidays, working);
    }

    private static LocalDate date(Object value, String path, int year) {
        LocalDate d;
        if (value instanceof Date date) {
            d = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else if (value instanceof String s) {
            try {
                d = LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw invalid(path, "not an ISO date: " + s);
            }
        } else {
            throw invalid(path, "missing or not a date");
        }
        if (d.getYear() != year) {
            throw invalid(path, d + " is not in " + year);
        }
        return d;
    }

    private static Map<?, ?> map(Object o, String path) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw invalid(path, "must be a mapping");
    }

    private static List<?> list(Object o, String path) {
        if (o == null) {
            return new ArrayList<>();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        throw invalid(path, "must be a list");
    }

    private static IllegalStateException invalid(String path, String reason) {
        return new IllegalStateException("Invalid working calendar at " + path + ": " + reason);
    }
}
