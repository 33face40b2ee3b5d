package org.lodestone.licensing.invitation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.invitation.Invitation;
import org.lodestone.licensing.invitation.InvitationState;
import org.lodestone.support.TestDatabases;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invitation tables behave the same on H2 and PostgreSQL (#6): a link is claimed once — also when a second claim
 * arrives while the first transaction is still open — and revoked or expired links cannot be claimed.
 */
class InvitationStoreContractTests {

    abstract static class Contract {

        InvitationRecords records;
        ContributorRecords contributors;
        TransactionTemplate tx;
        final ApplicationId application = new ApplicationId(UUID.randomUUID());
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            records = new InvitationRecords(
                    JdbcClient.create(dataSource()),
                    org.lodestone.protection.ProtectionFixtures.protection(dataSource()));
            contributors = new ContributorRecords(JdbcClient.create(dataSource()));
            tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
        }

        Invitation pending(String hash, Instant expires) {
            var i = new Invitation(
                    UUID.randomUUID(),
                    application,
                    UUID.randomUUID(),
                    "a@b.de",
                    "Li Na",
                    now,
                    expires,
                    null,
                    null,
                    null);
            records.insert(i, hash, new UserId(UUID.randomUUID()));
            return i;
        }

        static String hash() {
            return (UUID.randomUUID().toString() + UUID.randomUUID())
                    .replace("-", "")
                    .substring(0, 64);
        }

        @Test
        void roundTripsAndClaimsOnce() {
            String hash = hash();
            Invitation i = pending(hash, now.plus(1, ChronoUnit.DAYS));
            assertThat(records.byTokenHash(hash)).contains(i);
            assertThat(records.ofApplication(application)).containsExactly(i);

            assertThat(records.claim(hash, now)).isTrue();
            assertThat(records.claim(hash, now)).isFalse();
            var user = new UserId(UUID.randomUUID());
            var org = new OrganisationId(UUID.randomUUID());
            records.acceptedBy(i.id(), user, org);
            Invitation accepted = records.byTokenHash(hash).orElseThrow();
            assertThat(accepted.state(now)).isEqualTo(InvitationState.ACCEPTED);
            assertThat(accepted.acceptedOrganisation()).isEqualTo(org.value());
            assertThat(records.revoke(i.id(), user, now))
                    .as("an accepted invitation is revoked to end it")
                    .isTrue();
            assertThat(records.revoke(i.id(), user, now)).as("once").isFalse();
            assertThat(records.byTokenHash(hash).orElseThrow().state(now)).isEqualTo(InvitationState.REVOKED);
        }

        @Test
        void revokedAndExpiredLinksCannotBeClaimed() {
            String revoked = hash();
            Invitation r = pending(revoked, now.plus(1, ChronoUnit.DAYS));
            assertThat(records.revoke(r.id(), new UserId(UUID.randomUUID()), now))
                    .isTrue();
            assertThat(records.claim(revoked, now)).isFalse();
            assertThat(records.byTokenHash(revoked).orElseThrow().state(now)).isEqualTo(InvitationState.REVOKED);

            String expired = hash();
            pending(expired, now.minusSeconds(1));
            assertThat(records.claim(expired, now)).isFalse();
            assertThat(records.byTokenHash(expired).orElseThrow().state(now)).isEqualTo(InvitationState.EXPIRED);
        }

        @Test
        void aClaimWhileAnotherIsUncommittedLoses() throws Exception {
            String hash = hash();
            pending(hash, now.plus(1, ChronoUnit.DAYS));
            var claimed = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
                boolean won = records.claim(hash, now);
                claimed.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return won;
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return tx.execute(status -> records.claim(hash, now));
                } catch (ConcurrencyFailureException refused) {
                    return false; // a database may refuse the waiting claim instead of re-checking it: it lost
                }
            });
            Thread.sleep(200); // let the second claim reach the row lock
            release.countDown();
            assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(20, TimeUnit.SECONDS)).isFalse();
        }

        @Test
        void anOrganisationContributesForAPartyOnce() {
            var org = new OrganisationId(UUID.randomUUID());
            UUID party = UUID.randomUUID();
            contributors.add(application, org, party, UUID.randomUUID(), now);
            contributors.add(application, org, party, UUID.randomUUID(), now.plusSeconds(1));
            assertThat(contributors.parties(application, org)).containsExactly(party);
            assertThat(contributors.applications(org)).containsExactly(application);
            assertThat(contributors.parties(application, new OrganisationId(UUID.randomUUID())))
                    .isEmpty();
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
