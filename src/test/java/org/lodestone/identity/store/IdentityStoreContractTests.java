package org.lodestone.identity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.shared.CountryCode;
import org.lodestone.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The identity tables behave the same on H2 (PostgreSQL mode) and on PostgreSQL. */
class IdentityStoreContractTests {

    abstract static class Contract {

        Organisations organisations;
        Users users;
        ApiTokenStore tokens;

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() {
            JdbcClient jdbc = JdbcClient.create(dataSource());
            organisations = new Organisations(jdbc);
            users = new Users(jdbc);
            tokens = new ApiTokenStore(jdbc);
        }

        private Organisation bureau() {
            return organisations.create(new NewOrganisation(
                    "Jiangxi Bureau", "江西省商务厅", OrganisationKind.AUTHORITY, new CountryCode("CN"), "CN-JX", "CN-JX"));
        }

        private UserAccount reviewer(Organisation org) {
            return users.create(new NewUser(
                    "reviewer",
                    "Reviewer",
                    "r@example.org",
                    "{noop}x",
                    org.id(),
                    EnumSet.of(Role.REVIEWER, Role.SUPERVISOR)));
        }

        @Test
        void createsAndFindsOrganisationsWithOriginalScript() {
            Organisation created = bureau();
            Organisation found = organisations.find(created.id()).orElseThrow();
            assertThat(found.nameOriginal()).isEqualTo("江西省商务厅");
            assertThat(found.jurisdiction()).isEqualTo("CN-JX");
            assertThat(found.country()).isEqualTo(new CountryCode("CN"));
            assertThat(organisations.findByNameAndKind("Jiangxi Bureau", OrganisationKind.AUTHORITY))
                    .contains(found);
            assertThat(organisations.findByNameAndKind("Jiangxi Bureau", OrganisationKind.EXPORTER))
                    .isEmpty();
        }

        @Test
        void createsAndFindsUsersWithRoles() {
            Organisation org = bureau();
            UserAccount created = reviewer(org);
            UserAccount found = users.findByUsername("reviewer").orElseThrow();
            assertThat(found).isEqualTo(created);
            assertThat(found.roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.SUPERVISOR);
            assertThat(found.version()).isZero();
            assertThat(found.enabled()).isTrue();
            assertThat(users.find(created.id())).contains(found);
            assertThat(users.all()).extracting(UserAccount::username).containsExactly("reviewer");
            assertThat(users.countEnabledWithRole(Role.SUPERVISOR)).isEqualTo(1);
            assertThat(users.countEnabledWithRole(Role.ADMIN)).isZero();
        }

        @Test
        void duplicateUsernameIsAConflict() {
            Organisation org = bureau();
            reviewer(org);
            assertThatThrownBy(() -> reviewer(org))
                    .isInstanceOfSatisfying(
                            IdentityProblem.class,
                            p -> assertThat(p.getStatusCode().value()).isEqualTo(409));
        }

        @Test
        void updateIsOptimistic() {
            UserAccount user = reviewer(bureau());
            UserAccount updated =
                    users.update(user.id(), new UserChange("Renamed", null, Set.of(Role.AUDITOR), false, 0));
            assertThat(updated.version()).isEqualTo(1);
            assertThat(updated.roles()).containsExactly(Role.AUDITOR);
            assertThat(updated.enabled()).isFalse();
            assertThat(updated.email()).isNull();

            assertThatThrownBy(
                            () -> users.update(user.id(), new UserChange("Stale", null, Set.of(Role.ADMIN), true, 0)))
                    .isInstanceOfSatisfying(IdentityProblem.class, p -> {
                        assertThat(p.getStatusCode().value()).isEqualTo(409);
                        assertThat(p.detail()).contains("version 0");
                    });
            assertThat(users.find(user.id()).orElseThrow().displayName()).isEqualTo("Renamed");
        }

        @Test
        void failuresLockAndClearWithoutTouchingTheVersion() {
            UserAccount user = reviewer(bureau());
            assertThat(users.countFailure(user.id())).isEqualTo(1);
            assertThat(users.countFailure(user.id())).isEqualTo(2);
            Instant until = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.SECONDS);
            users.lock(user.id(), until);
            UserAccount locked = users.find(user.id()).orElseThrow();
            assertThat(locked.lockedUntil()).isEqualTo(until);
            assertThat(locked.lockedAt(Instant.now())).isTrue();
            assertThat(locked.failedAttempts()).isZero();
            assertThat(locked.version()).isZero();
            users.clearFailures(user.id());
            assertThat(users.find(user.id()).orElseThrow().lockedUntil()).isNull();
        }

        @Test
        void tokensAreFoundByHashAndRevokedOnlyByTheirOwner() {
            Organisation org = bureau();
            UserAccount owner = reviewer(org);
            UserAccount other = users.create(new NewUser("other", "Other", null, null, org.id(), Set.of(Role.AUDITOR)));
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String hash = "a".repeat(64);
            ApiTokenRecord token = tokens.insert(owner.id(), "ci", hash, "lst_abcd", now, now.plus(Duration.ofDays(1)));
            assertThat(tokens.findByHash(hash)).contains(token);
            assertThat(tokens.findByHash("b".repeat(64))).isEmpty();
            assertThat(tokens.ownedBy(owner.id())).containsExactly(token);
            assertThat(tokens.ownedBy(other.id())).isEmpty();

            tokens.touch(token.id(), now);
            assertThat(tokens.find(token.id()).orElseThrow().lastUsedAt()).isEqualTo(now);

            assertThat(tokens.revoke(token.id(), other.id(), now)).isFalse();
            assertThat(tokens.revoke(token.id(), owner.id(), now)).isTrue();
            assertThat(tokens.revoke(token.id(), owner.id(), now)).isFalse();
            assertThat(tokens.find(token.id()).orElseThrow().usableAt(now)).isFalse();
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
