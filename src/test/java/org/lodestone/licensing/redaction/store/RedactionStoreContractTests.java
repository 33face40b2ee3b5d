package org.lodestone.licensing.redaction.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.redaction.Area;
import org.lodestone.licensing.redaction.Audience;
import org.lodestone.licensing.redaction.DocumentRedaction;
import org.lodestone.licensing.redaction.SensitiveField;
import org.lodestone.licensing.redaction.TermCount;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The rd_* tables (V19) behave the same on H2 and PostgreSQL. */
class RedactionStoreContractTests {

    abstract static class Contract {

        RedactionStore store;
        final ApplicationId application = new ApplicationId(UUID.randomUUID());
        final Instant t0 = Instant.parse("2026-03-01T08:00:00.123456Z");

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            store = new RedactionStore(
                    JdbcClient.create(dataSource()), JsonMapper.builder().build());
        }

        @Test
        void roundTripsARedactionFoundByOriginalAndCopy() {
            var original = new DocumentId(UUID.randomUUID());
            var copy = new DocumentId(UUID.randomUUID());
            var r = new DocumentRedaction(
                    UUID.randomUUID(),
                    application,
                    original,
                    copy,
                    Set.of(Audience.CONSULTED_AUTHORITY, Audience.FOREIGN_PARTY),
                    false,
                    2,
                    List.of(new TermCount(0, 1, 2), new TermCount(1, 3, 1)),
                    List.of(new Area(2, 10.5, 20, 100, 12.25)),
                    4,
                    List.of(1, 2, 3),
                    "Demo Applicant",
                    t0);
            store.insert(r, new UserId(UUID.randomUUID()));

            assertThat(store.involving(original)).containsExactly(r);
            assertThat(store.involving(copy)).containsExactly(r);
            assertThat(store.involving(new DocumentId(UUID.randomUUID()))).isEmpty();
            assertThat(store.ofApplication(application)).containsExactly(r);
        }

        @Test
        void replacesFieldMarks() {
            var by = new UserId(UUID.randomUUID());
            Map<SensitiveField, Set<Audience>> marks = new EnumMap<>(SensitiveField.class);
            marks.put(SensitiveField.RELATIONSHIP_NOTES, Set.of(Audience.CONSULTED_AUTHORITY));
            marks.put(SensitiveField.PARTY_CONTACTS, Set.of(Audience.FOREIGN_PARTY, Audience.CONSULTED_AUTHORITY));
            marks.put(SensitiveField.PRODUCTION_SITE, Set.of());
            store.replaceFields(application, marks, by, t0);
            assertThat(store.fields(application))
                    .containsOnlyKeys(SensitiveField.RELATIONSHIP_NOTES, SensitiveField.PARTY_CONTACTS)
                    .containsEntry(
                            SensitiveField.PARTY_CONTACTS,
                            Set.of(Audience.FOREIGN_PARTY, Audience.CONSULTED_AUTHORITY));

            store.replaceFields(
                    application, Map.of(SensitiveField.END_USE_STATEMENT, Set.of(Audience.FOREIGN_PARTY)), by, t0);
            assertThat(store.fields(application))
                    .containsExactly(Map.entry(SensitiveField.END_USE_STATEMENT, Set.of(Audience.FOREIGN_PARTY)));
            assertThat(store.fields(new ApplicationId(UUID.randomUUID()))).isEmpty();
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final DataSource ds = TestDatabases.h2();

        @Override
        DataSource dataSource() {
            return ds;
        }
    }

    @Nested
    class OnPostgres extends Contract {
        private final DataSource ds = TestDatabases.postgres();

        @Override
        DataSource dataSource() {
            return ds;
        }
    }
}
