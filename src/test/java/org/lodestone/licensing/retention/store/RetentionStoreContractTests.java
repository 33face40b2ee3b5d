package org.lodestone.licensing.retention.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention queries and the idempotent mark on H2 and PostgreSQL (#6). */
class RetentionStoreContractTests {

    abstract static class Contract {

        JdbcClient jdbc;
        RetentionStore store;
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            jdbc = JdbcClient.create(dataSource());
            store = new RetentionStore(jdbc);
        }

        @Test
        void dueApplicationsAreFoundOnceAndMarkedOnce() {
            UUID old = application("WITHDRAWN", now.minus(400, ChronoUnit.DAYS));
            UUID recent = application("WITHDRAWN", now.minus(10, ChronoUnit.DAYS));
            Instant cutoff = now.minus(365, ChronoUnit.DAYS);

            var due = store.inStateUnchangedSince("WITHDRAWN", cutoff, 10);

            assertThat(due).extracting(RetentionStore.Due::applicationId).containsExactly(old);
            assertThat(store.markShredded(due.getFirst(), "withdrawn-applications", "P1Y", now))
                    .isTrue();
            assertThat(store.markShredded(due.getFirst(), "withdrawn-applications", "P1Y", now))
                    .isFalse();
            assertThat(store.isShredded(old)).isTrue();
            assertThat(store.isShredded(recent)).isFalse();
            assertThat(store.inStateUnchangedSince("WITHDRAWN", cutoff, 10)).isEmpty();
        }

        @Test
        void endedLicencesCountFromTheirChangeOrValidityAndLiveOnesProtect() {
            UUID revoked = application("APPROVED", now);
            licence(
                    revoked,
                    "REVOKED",
                    now.minus(400, ChronoUnit.DAYS),
                    LocalDate.now().plusDays(10));
            UUID expired = application("APPROVED", now);
            licence(expired, "EXPIRED", null, LocalDate.now(ZoneOffset.UTC).minusDays(400));
            UUID live = application("DRAFT", now.minus(400, ChronoUnit.DAYS));
            licence(live, "ISSUED", null, LocalDate.now().minusDays(400));
            Instant cutoff = now.minus(365, ChronoUnit.DAYS);

            assertThat(store.licenceEndedBefore(cutoff, 10))
                    .extracting(RetentionStore.Due::applicationId)
                    .containsExactlyInAnyOrder(revoked, expired);
            assertThat(store.inStateUnchangedSince("DRAFT", cutoff, 10)).isEmpty();
        }

        private UUID application(String state, Instant updated) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO la_application (id, reference, state, applicant_org, applicant_name,
                                applicant_country, decl_accuracy, decl_end_use, decl_no_reexport, revision, version,
                                created_by, created_at, updated_at)
                            VALUES (:id, :reference, :state, :org, 'Exporter', 'CN', false, false, false, 0, 0, 'test',
                                :at, :at)""")
                    .param("id", id)
                    .param("reference", "A-" + id.toString().substring(0, 8))
                    .param("state", state)
                    .param("org", UUID.randomUUID())
                    .param("at", updated.atOffset(ZoneOffset.UTC))
                    .update();
            return id;
        }

        private void licence(UUID application, String status, Instant changed, LocalDate validTo) {
            jdbc.sql("""
                            INSERT INTO lic_licence (id, licence_number, licence_type, status, status_changed_at,
                                application_id, application_reference, holder_org_id, holder_name, authority_org_id,
                                authority_name, consignee_name, consignee_country, end_user_name, end_user_country,
                                valid_from, valid_to, check_code, check_code_sha256, issued_at, issued_by, version)
                            VALUES (:id, :number, 'SINGLE', :status, :changed, :app, 'A', :org, 'H', :org, 'B', 'C',
                                'DE', 'E', 'DE', :from, :to, 'x', 'y', :issued, 'test', 0)""")
                    .param("id", UUID.randomUUID())
                    .param("number", "N-" + UUID.randomUUID())
                    .param("status", status)
                    .param(
                            "changed",
                            changed == null ? null : changed.atOffset(ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("app", application)
                    .param("org", UUID.randomUUID())
                    .param("from", validTo.minusYears(1))
                    .param("to", validTo)
                    .param("issued", now.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource dataSource() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource dataSource() {
            return TestDatabases.postgres();
        }
    }
}
