package org.lodestone.licensing.notification.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notification tables on every supported database (#3): the inbox is scoped by recipient (someone else's id is
 * "not found"), unread filters and counts, read markers are idempotent; the outbox hands a due mail to exactly one of
 * several concurrent senders, honours retry times and leases, and records sent and failed mail.
 */
class NotificationStoreContractTests {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    abstract static class Contract {

        NotificationStore inbox;
        MailOutboxStore outbox;
        final UUID alice = UUID.randomUUID();
        final UUID bob = UUID.randomUUID();

        abstract DataSource freshDatabase();

        @BeforeEach
        void setUp() {
            JdbcClient sql = JdbcClient.create(freshDatabase());
            inbox = new NotificationStore(sql);
            outbox = new MailOutboxStore(sql);
        }

        UUID add(UUID recipient, Instant at, String subject) {
            UUID id = UUID.randomUUID();
            inbox.insert(new NotificationStore.Row(
                    id,
                    recipient,
                    "APPLICATION_SUBMITTED",
                    subject,
                    "Body of " + subject,
                    "/applications/1",
                    "APPLICATION",
                    "1",
                    at,
                    null));
            return id;
        }

        @Test
        void listsOnlyTheRecipientsOwnNewestFirst() {
            UUID first = add(alice, T0, "first");
            UUID second = add(alice, T0.plusSeconds(60), "second");
            add(bob, T0.plusSeconds(30), "bob's");

            List<NotificationStore.Row> rows = inbox.list(alice, false, 10);

            assertThat(rows).extracting(NotificationStore.Row::id).containsExactly(second, first);
            NotificationStore.Row row = rows.get(1);
            assertThat(row.subject()).isEqualTo("first");
            assertThat(row.body()).isEqualTo("Body of first");
            assertThat(row.link()).isEqualTo("/applications/1");
            assertThat(row.objectType()).isEqualTo("APPLICATION");
            assertThat(row.createdAt()).isEqualTo(T0);
            assertThat(row.readAt()).isNull();
            assertThat(inbox.list(alice, false, 1)).hasSize(1);
        }

        @Test
        void readMarkersAreScopedByRecipientAndIdempotent() {
            UUID a1 = add(alice, T0, "a1");
            UUID a2 = add(alice, T0.plusSeconds(1), "a2");
            UUID b1 = add(bob, T0, "b1");

            assertThat(inbox.markRead(bob, a1, T0.plusSeconds(5)))
                    .as("someone else's")
                    .isFalse();
            assertThat(inbox.unreadCount(alice)).isEqualTo(2);

            assertThat(inbox.markRead(alice, a1, T0.plusSeconds(5))).isTrue();
            assertThat(inbox.markRead(alice, a1, T0.plusSeconds(9))).as("again").isTrue();
            assertThat(inbox.find(alice, a1).orElseThrow().readAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(inbox.list(alice, true, 10))
                    .extracting(NotificationStore.Row::id)
                    .containsExactly(a2);
            assertThat(inbox.markRead(alice, UUID.randomUUID(), T0))
                    .as("unknown")
                    .isFalse();

            assertThat(inbox.markAllRead(alice, T0.plusSeconds(10))).isEqualTo(1);
            assertThat(inbox.unreadCount(alice)).isZero();
            assertThat(inbox.unreadCount(bob)).isEqualTo(1);
            assertThat(inbox.find(alice, b1)).isEmpty();
        }

        @Test
        void aDueMailIsClaimedOnceAndSentOnce() {
            UUID n = add(alice, T0, "mail");
            UUID m = UUID.randomUUID();
            outbox.enqueue(m, n, "alice@example.org", "Application X: submitted", "Hello", T0);

            assertThat(outbox.due(T0.minusSeconds(1), 10)).isEmpty();
            assertThat(outbox.due(T0, 10)).containsExactly(m);

            var claimed = outbox.claim(m, T0, T0.plus(Duration.ofMinutes(2)));
            assertThat(claimed).isPresent();
            assertThat(claimed.get().attempts()).isEqualTo(1);
            assertThat(claimed.get().toAddress()).isEqualTo("alice@example.org");
            assertThat(outbox.claim(m, T0, T0.plus(Duration.ofMinutes(2))))
                    .as("leased")
                    .isEmpty();
            assertThat(outbox.due(T0.plusSeconds(60), 10))
                    .as("within the lease")
                    .isEmpty();

            outbox.markSent(m, T0.plusSeconds(1));
            var sent = outbox.find(m).orElseThrow();
            assertThat(sent.status()).isEqualTo(MailOutboxStore.SENT);
            assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(outbox.due(T0.plus(Duration.ofHours(1)), 10)).isEmpty();
        }

        @Test
        void aCrashedSendersMailBecomesDueAfterTheLease() {
            UUID m = UUID.randomUUID();
            outbox.enqueue(m, add(alice, T0, "x"), "alice@example.org", "s", "b", T0);
            outbox.claim(m, T0, T0.plusSeconds(120));

            assertThat(outbox.due(T0.plusSeconds(119), 10)).isEmpty();
            assertThat(outbox.due(T0.plusSeconds(120), 10)).containsExactly(m);
            assertThat(outbox.claim(m, T0.plusSeconds(120), T0.plusSeconds(240))
                            .orElseThrow()
                            .attempts())
                    .isEqualTo(2);
        }

        @Test
        void retriesAtTheGivenTimeAndFailuresAreKept() {
            UUID m = UUID.randomUUID();
            outbox.enqueue(m, add(alice, T0, "x"), "alice@example.org", "s", "b", T0);
            outbox.claim(m, T0, T0.plusSeconds(120));
            outbox.retryLater(m, T0.plusSeconds(30), "MailSendException: connection refused");

            assertThat(outbox.due(T0.plusSeconds(29), 10)).isEmpty();
            assertThat(outbox.due(T0.plusSeconds(30), 10)).containsExactly(m);
            assertThat(outbox.find(m).orElseThrow().lastError()).isEqualTo("MailSendException: connection refused");

            outbox.markFailed(m, "x".repeat(600));
            var failed = outbox.find(m).orElseThrow();
            assertThat(failed.status()).isEqualTo(MailOutboxStore.FAILED);
            assertThat(failed.lastError()).hasSize(500);
            assertThat(outbox.due(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
            assertThat(outbox.ofNotification(failed.notificationId())).hasSize(1);
        }

        @Test
        void concurrentSendersNeverClaimTheSameMail() throws Exception {
            var mails = new ArrayList<UUID>();
            for (int i = 0; i < 20; i++) {
                UUID m = UUID.randomUUID();
                outbox.enqueue(m, add(alice, T0, "m" + i), "alice@example.org", "s", "b", T0);
                mails.add(m);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                var tasks = new ArrayList<Callable<List<UUID>>>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(() -> {
                        var mine = new ArrayList<UUID>();
                        for (UUID id : outbox.due(T0, 50)) {
                            outbox.claim(id, T0, T0.plusSeconds(120)).ifPresent(m -> mine.add(m.id()));
                        }
                        return mine;
                    });
                }
                var claimed = new ArrayList<UUID>();
                for (Future<List<UUID>> f : pool.invokeAll(tasks)) {
                    claimed.addAll(f.get());
                }
                assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(mails);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.h2();
        }
    }

    @Nested
    class OnPostgres extends Contract {
        @Override
        DataSource freshDatabase() {
            return TestDatabases.postgres();
        }
    }
}
