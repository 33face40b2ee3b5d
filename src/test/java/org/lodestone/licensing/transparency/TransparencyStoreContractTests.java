package org.lodestone.licensing.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.lodestone.protection.ProtectionFixtures;
import org.lodestone.support.TestDatabases;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The access log and the export requests behave the same on H2 (dev, tests) and PostgreSQL (production) (#6). */
class TransparencyStoreContractTests {

    abstract static class Contract {

        final OrganisationId owner = new OrganisationId(UUID.randomUUID());
        final OrganisationId bureau = new OrganisationId(UUID.randomUUID());
        final AtomicLong sequence = new AtomicLong(System.nanoTime());
        final List<AuditRecord> recorded = new ArrayList<>();
        AccessLog log;
        DataExports exports;

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            var jdbc = JdbcClient.create(dataSource());
            log = new AccessLog(jdbc);
            var beans = new StaticListableBeanFactory();
            exports = new DataExports(
                    jdbc,
                    new ApplicationStore(jdbc, ProtectionFixtures.protection(dataSource())),
                    new RecordingTrail(),
                    new TransactionTemplate(new JdbcTransactionManager(dataSource())),
                    beans.getBeanProvider(java.time.Clock.class));
        }

        CurrentUser staff(Role role) {
            return new CurrentUser(
                    new UserId(UUID.randomUUID()),
                    role.name().toLowerCase(),
                    "Staff " + role,
                    bureau,
                    "Bureau",
                    OrganisationKind.AUTHORITY,
                    "CN-JX",
                    Set.of(role));
        }

        AuditEntry entry(Instant at) {
            return new AuditEntry(
                    sequence.incrementAndGet(),
                    at,
                    "reviewer",
                    null,
                    "DOCUMENT_READ",
                    "DOCUMENT",
                    null,
                    AuditRecord.Outcome.SUCCESS,
                    null,
                    null,
                    "",
                    "");
        }

        @Test
        void listsTheOwnersReadsNewestFirstFilteredAndPaged() {
            UUID app = UUID.randomUUID();
            UUID doc = UUID.randomUUID();
            CurrentUser reader = staff(Role.REVIEWER);
            Instant t0 = Instant.parse("2026-03-01T08:00:00.123456Z");
            log.insert(entry(t0), owner, reader, "APPLICATION", app, "LA-1", null, null, "GET /x", null, null);
            log.insert(
                    entry(t0.plusSeconds(60)),
                    owner,
                    reader,
                    "DOCUMENT",
                    app,
                    "LA-1",
                    doc,
                    "OTHER",
                    "document download",
                    new StatedPurpose("LA-1", "why"),
                    "TRACE1");
            log.insert(
                    entry(t0.plusSeconds(120)),
                    new OrganisationId(UUID.randomUUID()),
                    reader,
                    "APPLICATION",
                    app,
                    "LA-1",
                    null,
                    null,
                    "GET /x",
                    null,
                    null);

            AccessLogPage all = log.of(owner, new AccessLogFilter(null, null, null, 0, 50));
            assertThat(all.total()).isEqualTo(2);
            assertThat(all.entries()).extracting(AccessLogEntry::kind).containsExactly("DOCUMENT", "APPLICATION");
            AccessLogEntry read = all.entries().getFirst();
            assertThat(read.documentId()).isEqualTo(doc);
            assertThat(read.purpose()).isEqualTo("LA-1");
            assertThat(read.reason()).isEqualTo("why");
            assertThat(read.traceId()).isEqualTo("TRACE1");
            assertThat(read.readerRoles()).isEqualTo("REVIEWER");
            assertThat(read.occurredAt()).isEqualTo(t0.plusSeconds(60));

            assertThat(log.of(owner, new AccessLogFilter(null, t0.plusSeconds(1), null, 0, 50))
                            .total())
                    .isOne();
            assertThat(log.of(owner, new AccessLogFilter(UUID.randomUUID(), null, null, 0, 50))
                            .total())
                    .isZero();
            AccessLogPage second = log.of(owner, new AccessLogFilter(app, null, null, 1, 1));
            assertThat(second.entries()).extracting(AccessLogEntry::kind).containsExactly("APPLICATION");
            assertThat(second.pages()).isEqualTo(2);
        }

        @Test
        void exportRequestsAreDecidedOnceAndNeverByTheRequester() {
            CurrentUser reviewer = staff(Role.REVIEWER);
            CurrentUser supervisor = staff(Role.SUPERVISOR);
            ExportRequest pending = exports.request(reviewer, "review", "2026-01-01", "2026-01-31");
            assertThat(pending.state()).isEqualTo(ExportRequest.State.PENDING);
            assertThat(exports.list(reviewer)).extracting(ExportRequest::id).containsExactly(pending.id());

            ExportRequest approved = exports.decide(pending.id(), supervisor, "APPROVED", "ok");
            assertThat(approved.state()).isEqualTo(ExportRequest.State.APPROVED);
            assertThat(approved.expiresAt()).isEqualTo(approved.decidedAt().plus(DataExports.WINDOW));
            assertThatThrownBy(() -> exports.decide(pending.id(), staff(Role.SUPERVISOR), "REFUSED", "no"))
                    .isInstanceOf(TransparencyProblem.class)
                    .hasMessageContaining("409");

            var download = exports.download(pending.id(), reviewer);
            assertThat(download.request().state()).isEqualTo(ExportRequest.State.DOWNLOADED);
            assertThat(download.request().rowCount()).isZero();
            assertThat(recorded)
                    .extracting(AuditRecord::action)
                    .containsExactly("DATA_EXPORT_REQUESTED", "DATA_EXPORT_APPROVED", "DATA_EXPORT_DOWNLOADED");

            ExportRequest own = exports.request(supervisor, "mine", "2026-01-01", "2026-01-02");
            assertThatThrownBy(() -> exports.decide(own.id(), supervisor, "APPROVED", "ok"))
                    .isInstanceOf(TransparencyProblem.class)
                    .hasMessageContaining("403");
        }

        /** Keeps what would be recorded; the trail itself is guarded by AuditTrailContractTests. */
        final class RecordingTrail implements AuditTrail {
            @Override
            public AuditEntry record(AuditRecord record) {
                recorded.add(record);
                return entry(Instant.now());
            }

            @Override
            public ChainVerification verify() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AuditEntry> find(AuditQuery query) {
                return List.of();
            }
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
