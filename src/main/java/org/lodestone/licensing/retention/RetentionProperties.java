package org.lodestone.licensing.retention;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention periods ({@code lodestone.retention.*}, ISO-8601 periods such as {@code P5Y}). The value {@code keep}
 * keeps the category for ever. A zero, negative or unparseable period refuses to start, naming the property. Defaults are conservative: five years for decided cases and ended licences, two years for drafts.
 * Guarded by {@code RetentionPropertiesTests}.
 *
 * @param schedule cron of the daily run (server time zone)
 */
@ConfigurationProperties("lodestone.retention")
public record RetentionProperties(
        @DefaultValue("P5Y") String refusedApplications,
        @DefaultValue("P5Y") String withdrawnApplications,
        @DefaultValue("P5Y") String expiredLicences,
        @DefaultValue("P2Y") String lapsedDrafts,
        @DefaultValue("0 30 3 * * *") String schedule) {

    /** The value that keeps a category for ever. */
    public static final String KEEP = "keep";

    public RetentionProperties {
        parse(RetentionCategory.REFUSED_APPLICATIONS, refusedApplications);
        parse(RetentionCategory.WITHDRAWN_APPLICATIONS, withdrawnApplications);
        parse(RetentionCategory.EXPIRED_LICENCES, expiredLicences);
        parse(RetentionCategory.LAPSED_DRAFTS, lapsedDrafts);
    }

    /** The categories that have a period; the others are kept. */
    public Map<RetentionCategory, Period> periods() {
        Map<RetentionCategory, Period> periods = new EnumMap<>(RetentionCategory.class);
        put(periods, RetentionCategory.REFUSED_APPLICATIONS, refusedApplications);
        put(periods, RetentionCategory.WITHDRAWN_APPLICATIONS, withdrawnApplications);
        put(periods, RetentionCategory.EXPIRED_LICENCES, expiredLicences);
        put(periods, RetentionCategory.LAPSED_DRAFTS, lapsedDrafts);
        return periods;
    }

    private static void put(Map<RetentionCategory, Period> periods, RetentionCategory category, String value) {
        Period period = parse(category, value);
        if (period != null) {
            periods.put(category, period);
        }
    }

    private static @Nullable Period parse(RetentionCategory category, String value) {
        if (value.isBlank() || value.strip().equalsIgnoreCase(KEEP)) {
            return null;
        }
        String property = "lodestone.retention." + category.key();
        Period period;
        try {
            period = Period.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    property + " must be an ISO-8601 period (e.g. P5Y) or \"keep\"; was \"" + value + "\"", e);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException(
                    property + " must be a positive period (e.g. P5Y) or \"keep\"; was " + period);
        }
        return period;
    }
}
