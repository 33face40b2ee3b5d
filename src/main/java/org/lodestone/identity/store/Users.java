package org.lodestone.identity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users with their roles. Login bookkeeping (failed attempts, lock) deliberately does not bump {@code version}: a
 * mistyped password must not make an administrator's pending edit fail as stale.
 */
@Component
public class Users {

    private static final String COLUMNS = """
            id, username, display_name, email, password_hash, organisation_id, enabled, failed_attempts, locked_until,
            version, created_at""";

    private final JdbcClient jdbc;

    public Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UserAccount create(NewUser user) {
        var id = new UserId(UUID.randomUUID());
        try {
            jdbc.sql("""
                    INSERT INTO app_user (id, username, display_name, email, password_hash, organisation_id, enabled,
                                          failed_attempts, version, created_at)
                    VALUES (:id, :username, :displayName, :email, :passwordHash, :organisationId, TRUE, 0, 0, :createdAt)
                    """)
                    .param("id", id.value())
                    .param("username", user.username())
                    .param("displayName", user.displayName())
                    .param("email", user.email())
                    .param("passwordHash", user.passwordHash())
                    .param("organisationId", user.organisationId().value())
                    .param("createdAt", Sql.ts(Instant.now()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw IdentityProblem.duplicate("username", "'" + user.username() + "' is already taken");
        }
        insertRoles(id, user.roles());
        return find(id).orElseThrow();
    }

    public Optional<UserAccount> find(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional()
                .map(this::withRoles);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
                .param("username", username)
                .query(this::map)
                .optional()
                .map(this::withRoles);
    }

    public List<UserAccount> all() {
        Map<UUID, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT user_id, role FROM user_role").query(rs -> {
            roles.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString("role")));
        });
        List<UserAccount> users = new ArrayList<>();
        for (UserAccount u : jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .query(this::map)
                .list()) {
            users.add(withRoles(u, roles.getOrDefault(u.id().value(), Set.of())));
        }
        return users;
    }

    /** Enabled users of the organisation holding the role, by username. */
    public List<UserAccount> members(OrganisationId organisation, Role role) {
        return jdbc
                .sql("SELECT " + COLUMNS + """
                         FROM app_user
                        WHERE organisation_id = :org AND enabled
                          AND id IN (SELECT user_id FROM user_role WHERE role = :role)
                        ORDER BY username""")
                .param("org", organisation.value())
                .param("role", role.name())
                .query(this::map)
                .list()
                .stream()
                .map(this::withRoles)
                .toList();
    }

    /** Applies an administrator's change if nobody changed the user since {@code change.version()}. */
    public UserAccount update(UserId id, UserChange change) {
        int rows = jdbc.sql("""
                UPDATE app_user SET display_name = :displayName, email = :email, enabled = :enabled, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("displayName", change.displayName())
                .param("email", change.email())
                .param("enabled", change.enabled())
                .param("id", id.value())
                .param("version", change.version())
                .update();
        if (rows == 0) {
            if (find(id).isEmpty()) {
                throw IdentityProblem.notFound("user " + id);
            }
            throw IdentityProblem.staleVersion("user " + id, change.version());
        }
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id")
                .param("id", id.value())
                .update();
        insertRoles(id, change.roles());
        return find(id).orElseThrow();
    }

    /** Counts one more failed login and returns the new count. */
    public int countFailure(UserId id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE id = :id")
                .param("id", id.value())
                .update();
        return jdbc.sql("SELECT failed_attempts FROM app_user WHERE id = :id")
                .param("id", id.value())
                .query(Integer.class)
                .single();
    }

    /** Locks the account until the given time; the failure count starts again from zero once the lock ends. */
    public void lock(UserId id, Instant until) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = :until WHERE id = :id")
                .param("until", Sql.ts(until))
                .param("id", id.value())
                .update();
    }

    /** Clears failures and any lock: after a successful login, or when an administrator unlocks. */
    public void clearFailures(UserId id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", id.value())
                .update();
    }

    public void changePasswordHash(UserId id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash)
                .param("id", id.value())
                .update();
    }

    public long countEnabledWithRole(Role role) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.id
                WHERE u.enabled = TRUE AND r.role = :role
                """).param("role", role.name()).query(Long.class).single();
    }

    private void insertRoles(UserId id, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id.value())
                    .param("role", role.name())
                    .update();
        }
    }

    private UserAccount withRoles(UserAccount user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_id = :id")
                .param("id", user.id().value())
                .query(String.class)
                .list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return withRoles(user, roles);
    }

    private static UserAccount withRoles(UserAccount u, Set<Role> roles) {
        return new UserAccount(
                u.id(),
                u.username(),
                u.displayName(),
                u.email(),
                u.passwordHash(),
                u.organisationId(),
                roles,
                u.enabled(),
                u.failedAttempts(),
                u.lockedUntil(),
                u.version(),
                u.createdAt());
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        @Nullable Instant lockedUntil = Sql.instant(rs, "locked_until");
        return new UserAccount(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("password_hash"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                Set.of(),
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                lockedUntil,
                rs.getLong("version"),
                Sql.requiredInstant(rs, "created_at"));
    }
}
