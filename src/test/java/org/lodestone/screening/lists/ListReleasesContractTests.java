package org.lodestone.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.screening.lists.store.ListStore;
import org.lodestone.screening.matching.ListedEntry;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases of a list on H2 and PostgreSQL (#4): import → activate → second release → diff counts and pages; a failed
 * import (wrong format, too many rejected lines, no entries, too large) leaves the previous release active and no rows
 * of its own; rejected lines are kept with line number and reason; duplicates keep the first; a second import while
 * one is LOADING is refused; a LOADING release left by a stop becomes FAILED; active entries stream to the index.
 */
class ListReleasesContractTests {

    static final String FIRST = """
            id,schema,name,aliases,countries,identifiers,programme
            E1,Company,Alpha Metals Ltd,阿尔法金属,CN,uscc:111,UEL
            E2,Person,Boris Example,Борис Пример,RU,,UEL
            E3,Company,Gamma Oxides Co,,HK,,UEL
            E4,Vessel,MV Delta,,PA,imoNumber:IMO1234567,UEL
            """;

    /** E1 unchanged, E2 changed (alias), E3 removed, E4 changed (country), E5 and E6 added; one bad line, one dup. */
    static final String SECOND = """
            id,schema,name,aliases,countries,identifiers,programme
            E1,Company,Alpha Metals Ltd,阿尔法金属,CN,uscc:111,UEL
            E2,Person,Boris Example,Борис Пример;B. Example,RU,,UEL
            E4,Vessel,MV Delta,,PA;LR,imoNumber:IMO1234567,UEL
            E5,Company,Epsilon Rare Earths,,CN,,UEL
            E6,Organization,Zeta Institute,,KZ,,UEL
            E7,Company,,,CN,,UEL
            E5,Company,Epsilon Duplicate,,CN,,UEL
            """;

    abstract static class Contract {

        ListReleases releases;
        ListStore store;
        JdbcClient sql;
        final List<Object> events = new ArrayList<>();
        final List<AuditRecord> audited = new ArrayList<>();
        String list;
        DataSource dataSource;
        long maxBytes = 1024 * 1024;

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            DataSource ds = freshDatabase();
            sql = JdbcClient.create(ds);
            store = new ListStore(ds);
            releases = releases(ds, maxBytes);
            list = "test-" + UUID.randomUUID().toString().substring(0, 8);
        }

        ListReleases releases(DataSource ds, long max) {
            AuditTrail audit = new AuditTrail() {
                @Override
                public AuditEntry record(AuditRecord record) {
                    audited.add(record);
                    return null;
                }

                @Override
                public ChainVerification verify() {
                    return ChainVerification.intact(0);
                }

                @Override
                public List<AuditEntry> find(AuditQuery query) {
                    return List.of();
                }
            };
            return new ListReleases(
                    store,
                    new TransactionTemplate(new DataSourceTransactionManager(ds)),
                    audit,
                    events::add,
                    Clock.systemUTC(),
                    3,
                    max);
        }

        Release upload(String format, String content) {
            return releases.importRelease(
                    new ListReleases.Upload(list, format, "file.csv", "Test list", "Test authority", "NATIONAL"),
                    stream(content),
                    "admin");
        }

        static InputStream stream(String s) {
            return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void aFirstReleaseIsActiveWithEveryEntryAdded() {
            Release r = upload("lodestone-csv", FIRST);
            assertThat(r.state()).isEqualTo(ReleaseState.ACTIVE);
            assertThat(r.read()).isEqualTo(4);
            assertThat(r.imported()).isEqualTo(4);
            assertThat(r.rejected()).isZero();
            assertThat(r.added()).isEqualTo(4);
            assertThat(r.changed()).isZero();
            assertThat(r.removed()).isZero();
            assertThat(r.previousRelease()).isNull();
            assertThat(r.sha256()).hasSize(64);
            assertThat(r.sizeBytes()).isEqualTo(FIRST.getBytes(StandardCharsets.UTF_8).length);
            assertThat(releases.list(list).active()).isEqualTo(r);
            assertThat(releases.list(list).kind()).isEqualTo("NATIONAL");
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new ListReleaseActivated(
                            list, r.id(), null, 4, 0, 0, ((ListReleaseActivated) events.getFirst()).at()));
            assertThat(audited).extracting(AuditRecord::action).containsExactly("LIST_RELEASE_ACTIVATED");
            assertThat(releases.diff(list, r.id(), DiffKind.ADDED, 0, 100))
                    .extracting(DiffEntry::entryId)
                    .containsExactly("E1", "E2", "E3", "E4");
        }

        @Test
        void aSecondReleaseSupersedesTheFirstAndCountsTheDiff() {
            Release first = upload("lodestone-csv", FIRST);
            Release second = upload("lodestone-csv", SECOND);
            assertThat(second.state()).isEqualTo(ReleaseState.ACTIVE);
            assertThat(second.previousRelease()).isEqualTo(first.id());
            assertThat(second.read()).isEqualTo(7);
            assertThat(second.imported()).isEqualTo(5);
            assertThat(second.rejected()).isEqualTo(2);
            assertThat(second.added()).isEqualTo(2);
            assertThat(second.changed()).isEqualTo(2);
            assertThat(second.removed()).isEqualTo(1);
            assertThat(releases.release(list, first.id()).state()).isEqualTo(ReleaseState.SUPERSEDED);
            assertThat(releases.diff(list, second.id(), DiffKind.ADDED, 0, 100))
                    .extracting(DiffEntry::entryId)
                    .containsExactly("E5", "E6");
            List<DiffEntry> changed = releases.diff(list, second.id(), DiffKind.CHANGED, 0, 100);
            assertThat(changed).extracting(DiffEntry::entryId).containsExactly("E2", "E4");
            assertThat(changed.getFirst().names()).containsExactly("Boris Example", "Борис Пример", "B. Example");
            assertThat(changed.getFirst().previousFingerprint())
                    .isNotEqualTo(changed.getFirst().fingerprint());
            assertThat(releases.diff(list, second.id(), DiffKind.REMOVED, 0, 100))
                    .extracting(DiffEntry::entryId)
                    .containsExactly("E3");
            assertThat(releases.diff(list, second.id(), DiffKind.ADDED, 1, 1))
                    .extracting(DiffEntry::entryId)
                    .containsExactly("E6");
            assertThat(releases.rejectedLines(list, second.id()))
                    .extracting(RejectedLine::line, RejectedLine::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(7L, "the entry has no name"),
                            org.assertj.core.groups.Tuple.tuple(
                                    8L, "duplicate id 'E5': the first entry with it was kept"));
            assertThat(store.find(list, "E5").orElseThrow().entry().names()).containsExactly("Epsilon Rare Earths");
            assertThat(store.find(list, "E3"))
                    .as("removed from the active release")
                    .isEmpty();
            assertThat(events).hasSize(2);
            assertThat((ListReleaseActivated) events.getLast())
                    .extracting(ListReleaseActivated::previousRelease, ListReleaseActivated::added)
                    .containsExactly(first.id(), 2);
        }

        @Test
        void aFileOfAnotherFormatFailsAndTheActiveReleaseStays() {
            Release first = upload("lodestone-csv", FIRST);
            assertThatThrownBy(() -> upload("ftm-json", FIRST)).isInstanceOfSatisfying(ListProblem.class, p -> {
                assertThat(p.getStatusCode().value()).isEqualTo(422);
                assertThat(p.getBody().getDetail()).contains("format: the file is not ftm-json");
            });
            assertThat(releases.list(list).active().id()).isEqualTo(first.id());
            Release failed = releases.releases(list).stream()
                    .filter(r -> r.state() == ReleaseState.FAILED)
                    .findFirst()
                    .orElseThrow();
            assertThat(failed.failureReason()).contains("not JSON");
            assertThat(store.entryCount(failed.id())).isZero();
            assertThat(events).hasSize(1);
            assertThat(audited).extracting(AuditRecord::action).contains("LIST_RELEASE_FAILED");
        }

        @Test
        void moreThanHalfRejectedFailsTheImport() {
            Release first = upload("lodestone-csv", FIRST);
            String mostlyBad = "id,schema,name\nA1,Company,Fine\nA2,Dragon,X\nA3,Dragon,Y\nA4,,Z\n";
            assertThatThrownBy(() -> upload("lodestone-csv", mostlyBad))
                    .isInstanceOf(ListProblem.class)
                    .hasMessageContaining("more than half");
            assertThat(releases.list(list).active().id()).isEqualTo(first.id());
            Release failed = releases.releases(list).getFirst();
            assertThat(failed.state()).isEqualTo(ReleaseState.FAILED);
            assertThat(failed.rejected()).isEqualTo(3);
            assertThat(releases.rejectedLines(list, failed.id()))
                    .extracting(RejectedLine::line)
                    .containsExactly(3L, 4L, 5L);
            assertThat(store.entryCount(failed.id())).isZero();
        }

        @Test
        void aFileWithoutEntriesFails() {
            assertThatThrownBy(() -> upload("lodestone-csv", "id,schema,name\n"))
                    .isInstanceOf(ListProblem.class)
                    .hasMessageContaining("no entries");
            assertThat(releases.list(list).active()).isNull();
        }

        @Test
        void aFileOverTheLimitFailsWith413() {
            ListReleases small = releases(dataSource, 100);
            assertThatThrownBy(() -> small.importRelease(
                            new ListReleases.Upload(list, "lodestone-csv", "big.csv", null, null, null),
                            stream(FIRST),
                            "admin"))
                    .isInstanceOfSatisfying(
                            ListProblem.class,
                            p -> assertThat(p.getStatusCode().value()).isEqualTo(413));
            assertThat(releases.releases(list).getFirst().state()).isEqualTo(ReleaseState.FAILED);
        }

        @Test
        void oneImportOfAListAtATime() throws Exception {
            upload("lodestone-csv", FIRST);
            var started = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            InputStream slow = new InputStream() {
                final InputStream body = stream(SECOND);

                @Override
                public int read() throws IOException {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    return body.read();
                }
            };
            var result = new AtomicReference<Object>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    result.set(releases.importRelease(
                            new ListReleases.Upload(list, "lodestone-csv", "slow.csv", null, null, null),
                            slow,
                            "admin"));
                } catch (RuntimeException e) {
                    result.set(e);
                }
            });
            started.await();
            assertThatThrownBy(() -> upload("lodestone-csv", SECOND))
                    .isInstanceOfSatisfying(
                            ListProblem.class,
                            p -> assertThat(p.getStatusCode().value()).isEqualTo(409));
            release.countDown();
            t.join();
            assertThat(result.get()).isInstanceOf(Release.class);
        }

        @Test
        void aReleaseLeftLoadingByAStopIsMarkedFailed() {
            Release first = upload("lodestone-csv", FIRST);
            UUID orphan = UUID.randomUUID();
            store.insertRelease(orphan, list, ListFormat.LODESTONE_CSV, "crash.csv", "admin", java.time.Instant.now());
            assertThat(releases.failInterrupted()).isGreaterThanOrEqualTo(1);
            assertThat(releases.release(list, orphan).state()).isEqualTo(ReleaseState.FAILED);
            assertThat(releases.release(list, orphan).failureReason()).contains("interrupted");
            assertThat(releases.list(list).active().id()).isEqualTo(first.id());
        }

        @Test
        void activeEntriesStreamOnlyActiveReleasesAndFindGivesDetails() {
            upload("lodestone-csv", FIRST);
            upload("lodestone-csv", SECOND);
            List<ListedEntry> seen = new ArrayList<>();
            store.forEach(e -> {
                if (e.listCode().equals(list)) {
                    seen.add(e);
                }
            });
            assertThat(seen).extracting(ListedEntry::entryId).containsExactlyInAnyOrder("E1", "E2", "E4", "E5", "E6");
            ListedEntry e1 = seen.stream()
                    .filter(e -> e.entryId().equals("E1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(e1.names()).containsExactly("Alpha Metals Ltd", "阿尔法金属");
            assertThat(e1.countries()).containsExactly("CN");
            assertThat(e1.identifiers())
                    .singleElement()
                    .extracting(i -> i.type() + "=" + i.value())
                    .isEqualTo("uscc=111");
            EntryDetails d = store.find(list, "E4").orElseThrow();
            assertThat(d.entry().countries()).containsExactlyInAnyOrder("PA", "LR");
            assertThat(d.programme()).isEqualTo("UEL");
            assertThat(d.fingerprint()).hasSize(64);
            assertThat(d.release()).isEqualTo(releases.list(list).active().id());
        }

        @Test
        void olderReleasesBeyondTheRetentionArePurged() {
            Release first = upload("lodestone-csv", FIRST);
            upload("lodestone-csv", SECOND);
            upload("lodestone-csv", FIRST);
            Release fourth = upload("lodestone-csv", SECOND);
            assertThat(releases.release(list, first.id()).entriesPurgedAt()).isNotNull();
            assertThat(store.entryCount(first.id())).isZero();
            assertThat(fourth.changed()).isEqualTo(2);
            assertThatThrownBy(() -> releases.diff(list, first.id(), DiffKind.ADDED, 0, 10))
                    .isInstanceOf(ListProblem.class)
                    .hasMessageContaining("purged");
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            dataSource = TestDatabases.h2();
            return dataSource;
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() {
            dataSource = TestDatabases.postgres();
            return dataSource;
        }
    }
}
