package org.lodestone.licensing.clock;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The working-day count touched years the calendar has no (or only unverified) holiday data for, so the figures may be
 * off by the holidays of those years. Shown next to the clock instead of silently assuming "no holidays".
 *
 * @param uncoveredYears years counted as Monday–Friday only, because the calendar has no data for them
 * @param unverifiedYears years whose holiday data is marked unverified in the data file
 * @param coveredYears the years the calendar has data for
 */
public record CalendarWarning(List<Integer> uncoveredYears, List<Integer> unverifiedYears, List<Integer> coveredYears) {

    public CalendarWarning {
        uncoveredYears = List.copyOf(uncoveredYears);
        unverifiedYears = List.copyOf(unverifiedYears);
        coveredYears = List.copyOf(coveredYears);
    }

    /** One sentence for the UI and the API, in English. */
    public String message() {
        var parts = new StringBuilder();
        if (!uncoveredYears.isEmpty()) {
            parts.append("No public-holiday data for ")
                    .append(join(uncoveredYears))
                    .append(": working days there are counted as Monday to Friday only (calendar covers ")
                    .append(coveredYears.isEmpty() ? "no year" : join(coveredYears))
                    .append(").");
        }
        if (!unverifiedYears.isEmpty()) {
            if (!parts.isEmpty()) {
                parts.append(' ');
            }
            parts.append("Public-holiday data for ")
                    .append(join(unverifiedYears))
                    .append(" is unverified.");
        }
        return parts.toString();
    }

    private static String join(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
