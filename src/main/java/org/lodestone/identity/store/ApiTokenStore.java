package org.lodestone.identity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lodestone.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rows of {@code api_token}. Only the SHA-256 of a secret is ever written; lookups go by that hash. */
@Component
public class ApiTokenStore {

    /** How stale {@code last_used_at} may get: writing it on every API call would turn every read into a write. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String COLUMNS = "id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    public ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ApiTokenRecord insert(
            UserId owner, String name, String hash, String prefix, Instant createdAt, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)
                VALUES (:id, :userId, :name, :hash, :prefix, :createdAt, :expiresAt)
                """)
                .param("id", id)
                .param("userId", owner.value())
                .param("name", name)
                .param("hash", hash)
                .param("prefix", prefix)
                .param("createdAt", Sql.ts(createdAt))
                .param("expiresAt", Sql.ts(expiresAt))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<ApiTokenRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
                .param("id", id)
                .query(ApiTokenStore::map)
                .optional();
    }

    public Optional<ApiTokenRecord> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash")
                .param("hash", hash)
                .query(ApiTokenStore::map)
                .optional();
    }

    public List<ApiTokenRecord> ownedBy(UserId owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE user_id = :userId ORDER BY created_at DESC, name")
                .param("userId", owner.value())
                .query(ApiTokenStore::map)
                .list();
    }

    /** Revokes a token of this owner; false if the owner has no such token or it was already revoked. */
    public boolean revoke(UUID id, UserId owner, Instant at) {
        return jdbc.sql(
                                "UPDATE api_token SET revoked_at = :at WHERE id = :id AND user_id = :userId AND revoked_at IS NULL")
                        .param("at", Sql.ts(at))
                        .param("id", id)
                        .param("userId", owner.value())
                        .update()
                == 1;
    }

    public void touch(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :at
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :threshold)
                """)
                .param("at", Sql.ts(at))
                .param("id", id)
                .param("threshold", Sql.ts(at.minus(LAST_USED_RESOLUTION)))
                .update();
    }

    private static ApiTokenRecord map(ResultSet rs, int row) throws SQLException {
        return new ApiTokenRecord(
                rs.getObject("id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("name"),
                rs.getString("prefix"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.requiredInstant(rs, "expires_at"),
                Sql.instant(rs, "last_used_at"),
                Sql.instant(rs, "revoked_at"));
    }
}
