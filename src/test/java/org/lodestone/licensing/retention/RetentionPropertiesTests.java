package org.lodestone.licensing.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** #6: retention periods bind from ISO-8601, default conservatively, may be set to keep, and refuse nonsense. */
class RetentionPropertiesTests {

    private static RetentionProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("lodestone.retention", RetentionProperties.class);
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void defaultsAreConservative() {
        RetentionProperties defaults = bind(Map.of());
        assertThat(defaults.periods())
                .containsEntry(RetentionCategory.REFUSED_APPLICATIONS, Period.ofYears(5))
                .containsEntry(RetentionCategory.WITHDRAWN_APPLICATIONS, Period.ofYears(5))
                .containsEntry(RetentionCategory.EXPIRED_LICENCES, Period.ofYears(5))
                .containsEntry(RetentionCategory.LAPSED_DRAFTS, Period.ofYears(2));
    }

    @Test
    void periodsAreReadAndKeepKeepsTheCategory() {
        RetentionProperties properties = bind(Map.of(
                "lodestone.retention.withdrawn-applications", "P2Y",
                "lodestone.retention.lapsed-drafts", "keep"));
        assertThat(properties.periods())
                .containsEntry(RetentionCategory.WITHDRAWN_APPLICATIONS, Period.ofYears(2))
                .doesNotContainKey(RetentionCategory.LAPSED_DRAFTS);
    }

    @Test
    void zeroNegativeAndUnparseablePeriodsAreRefusedNamingTheProperty() {
        for (String bad : new String[] {"P0D", "-P1Y", "five years"}) {
            assertThatThrownBy(() -> bind(Map.of("lodestone.retention.expired-licences", bad)))
                    .isInstanceOf(BindException.class)
                    .satisfies(e -> assertThat(causes(e)).contains("lodestone.retention.expired-licences"));
        }
    }
}
