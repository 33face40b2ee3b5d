package org.lodestone.licensing.retention;

import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention periods ({@code lodestone.retention.*}, ISO-8601 periods such as {@code P5Y}). An empty value keeps the
 * category for ever. A zero or negative period refuses to start, naming the property (an unparseable one is refused by
 * the binder). Defaults are conservative: five years for decided cases and ended licences, two years for drafts.
 * Guarded by {@code RetentionPropertiesTests}.
 *
 * @param schedule cron of the daily run (server time zone)
 */
@ConfigurationProperties("lodestone.retention")
public record RetentionProperties(
        @DefaultValue("P5Y") @Nullable Period refusedApplications,
        @DefaultValue("P5Y") @Nullable Period withdrawnApplications,
        @DefaultValue("P5Y") @Nullable Period expiredLicences,
        @DefaultValue("P2Y") @Nullable Period lapsedDrafts,
        @DefaultValue("0 30 3 * * *") String schedule) {

    public RetentionProperties {
        positive("refused-applications", refusedApplications);
        positive("withdrawn-applications", withdrawnApplications);
        positive("expired-licences", expiredLicences);
        positive("lapsed-drafts", lapsedDrafts);
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

    private static void put(Map<RetentionCategory, Period> periods, RetentionCategory category, @Nullable Period p) {
        if (p != null) {
            periods.put(category, p);
        }
    }

    private static void positive(String key, @Nullable Period period) {
        if (period != null && (period.isZero() || period.isNegative())) {
            throw new IllegalArgumentException("lodestone.retention." + key + " must be a positive ISO-8601 period "
                    + "(e.g. P5Y), or empty to keep the category; was " + period);
        }
    }
}
