package org.lodestone.licensing.evidence.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The evidence_document table behaves the same on H2 (dev, tests) and PostgreSQL (production). */
class EvidenceStoreContractTests {

    abstract static class Contract {

        DocumentRecords records;

        @TempDir
        Path keys;

        final ApplicationId application = new ApplicationId(UUID.randomUUID());
        final Instant t0 = Instant.parse("2026-03-01T08:00:00.123456Z");

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            records = new DocumentRecords(
                    JdbcClient.create(dataSource()), ProtectionFixtures.protection(dataSource(), keys));
        }

        EvidenceDocument document(ApplicationId app, Instant at, @Nullable UUID party, String sha256) {
            return new EvidenceDocument(
                    new DocumentId(UUID.randomUUID()),
                    app,
                    DocumentType.END_USER_CERTIFICATE,
                    party,
                    null,
                    "证书 certificate.pdf",
                    "application/pdf",
                    12345,
                    sha256,
                    "signed by the end user",
                    new UserId(UUID.randomUUID()),
                    "Demo Applicant",
                    at,
                    null,
                    null,
                    0);
        }

        @Test
        void roundTripsEveryField() {
            var d = document(application, t0, UUID.randomUUID(), "a".repeat(64));
            records.insert(d);
            assertThat(records.find(d.id())).contains(d);
            assertThat(records.find(new DocumentId(UUID.randomUUID()))).isEmpty();
        }

        @Test
        void listsCurrentDocumentsOfOneApplicationOldestFirst() {
            var later = document(application, t0.plus(1, ChronoUnit.HOURS), null, "b".repeat(64));
            var earlier = document(application, t0, null, "c".repeat(64));
            var other = document(new ApplicationId(UUID.randomUUID()), t0, null, "d".repeat(64));
            records.insert(later);
            records.insert(earlier);
            records.insert(other);

            assertThat(records.current(application)).containsExactly(earlier, later);
        }

        @Test
        void removalIsSoftVersionedAndOnce() {
            var d = document(application, t0, null, "e".repeat(64));
            records.insert(d);
            var by = new UserId(UUID.randomUUID());

            assertThat(records.markRemoved(d.id(), 1, by, t0))
                    .as("stale version")
                    .isFalse();
            assertThat(records.markRemoved(d.id(), 0, by, t0.plusSeconds(5))).isTrue();
            assertThat(records.markRemoved(d.id(), 1, by, t0.plusSeconds(6)))
                    .as("already removed")
                    .isFalse();

            var removed = records.find(d.id()).orElseThrow();
            assertThat(removed.removedAt()).isEqualTo(t0.plusSeconds(5));
            assertThat(removed.removedBy()).isEqualTo(by);
            assertThat(removed.version()).isEqualTo(1);
            assertThat(records.current(application)).isEmpty();
            assertThat(records.references(application, "e".repeat(64)))
                    .as("removed documents keep their content")
                    .isTrue();
        }

        @Test
        void knowsWhichContentIsReferenced() {
            records.insert(document(application, t0, null, "f".repeat(64)));
            assertThat(records.references(application, "f".repeat(64))).isTrue();
            assertThat(records.references(application, "0".repeat(64))).isFalse();
            assertThat(records.references(new ApplicationId(UUID.randomUUID()), "f".repeat(64)))
                    .as("blobs are per application")
                    .isFalse();
        }

        @Test
        void filenameAndDescriptionAreStoredSealed() {
            var d = document(application, t0, null, "c".repeat(64));
            records.insert(d);
            var raw = JdbcClient.create(dataSource())
                    .sql("SELECT filename, description FROM evidence_document WHERE id = :id")
                    .param("id", d.id().value())
                    .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                    .single();
            assertThat(raw)
                    .startsWith("lse1:")
                    .doesNotContain("certificate")
                    .doesNotContain("证书")
                    .doesNotContain("signed");
            assertThat(records.find(d.id())).contains(d);
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
