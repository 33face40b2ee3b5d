package org.lodestone.protection.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code pr_data_key} and {@code pr_key_rotation} tables. A row holds a scope's data key wrapped under a
 * key-encryption key (base64), never the key itself; a destroyed key keeps its row (so the scope cannot silently get a
 * new key) with the wrapped key erased. Guarded by {@code ProtectionUnitTests} and {@code KeyRotationTests}.
 */
public class DataKeyStore {

    /** One row; {@code wrapped} and {@code kekId} are null once the key is destroyed. */
    public record Row(
            String scope,
            int generation,
            @Nullable String kekId,
            byte @Nullable [] wrapped,
            Instant createdAt,
            @Nullable Instant destroyedAt) {}

    /** A rotation: re-wrap every live data key under {@code targetKek}. */
    public record Rotation(
            UUID id,
            String targetKek,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            long rewrapped,
            long total,
            String status,
            @Nullable String failure) {}

    private final JdbcClient jdbc;

    public DataKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(String scope) {
        return jdbc.sql("""
                        SELECT scope, generation, kek_id, wrapped_key, created_at, destroyed_at
                          FROM pr_data_key WHERE scope = :scope""")
                .param("scope", scope)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4) == null ? null : Base64.getDecoder().decode(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Fails with a duplicate-key error when the scope already has a key. */
    public void insert(String scope, int generation, String kekId, byte[] wrapped, Instant at) {
        jdbc.sql("""
                        INSERT INTO pr_data_key (scope, generation, kek_id, wrapped_key, created_at, version)
                        VALUES (:scope, :generation, :kek, :wrapped, :at, 0)""")
                .param("scope", scope)
                .param("generation", generation)
                .param("kek", kekId)
                .param("wrapped", Base64.getEncoder().encodeToString(wrapped))
                .param("at", utc(at))
                .update();
    }

    /** Replaces the wrapped key if it is still wrapped under {@code fromKek}; false if it changed meanwhile. */
    public boolean rewrap(String scope, String fromKek, String toKek, byte[] wrapped, Instant at) {
        return jdbc.sql("""
                        UPDATE pr_data_key SET kek_id = :to, wrapped_key = :wrapped, rewrapped_at = :at,
                               version = version + 1
                         WHERE scope = :scope AND kek_id = :from AND destroyed_at IS NULL""")
                        .param("to", toKek)
                        .param("wrapped", Base64.getEncoder().encodeToString(wrapped))
                        .param("at", utc(at))
                        .param("scope", scope)
                        .param("from", fromKek)
                        .update()
                == 1;
    }

    /**
     * Erases the wrapped key (crypto-shredding). A scope that never had a key gets a destroyed row, so no key can be
     * created for it afterwards. Returns false when it was already destroyed.
     */
    public boolean destroy(String scope, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE pr_data_key SET wrapped_key = NULL, kek_id = NULL, destroyed_at = :at,
                               version = version + 1
                         WHERE scope = :scope AND destroyed_at IS NULL""").param("at", utc(at)).param("scope", scope).update();
        if (updated == 1) {
            return true;
        }
        if (find(scope).isPresent()) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO pr_data_key (scope, generation, kek_id, wrapped_key, created_at, destroyed_at,
                            version) VALUES (:scope, 0, NULL, NULL, :at, :at, 0)""").param("scope", scope).param("at", utc(at)).update();
        return true;
    }

    /** How many live (not destroyed) data keys each key-encryption key wraps. */
    public Map<String, Long> liveKeysByKek() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("""
                        SELECT kek_id, COUNT(*) FROM pr_data_key WHERE destroyed_at IS NULL GROUP BY kek_id""").query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    public long countNotUnder(String kekId) {
        return jdbc.sql("SELECT COUNT(*) FROM pr_data_key WHERE destroyed_at IS NULL AND kek_id <> :kek")
                .param("kek", kekId)
                .query(Long.class)
                .single();
    }

    /** The next batch of live keys not yet wrapped under {@code kekId}, in scope order after {@code after}. */
    public List<Row> notUnder(String kekId, String after, int limit) {
        return jdbc.sql("""
                        SELECT scope, generation, kek_id, wrapped_key, created_at, destroyed_at FROM pr_data_key
                         WHERE destroyed_at IS NULL AND kek_id <> :kek AND scope > :after
                         ORDER BY scope FETCH FIRST :limit ROWS ONLY""")
                .param("kek", kekId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        Base64.getDecoder().decode(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        null))
                .list();
    }

    // ---- rotations ----------------------------------------------------------------------------------------------

    public void insertRotation(Rotation r) {
        jdbc.sql("""
                        INSERT INTO pr_key_rotation (id, target_kek, started_by, started_at, finished_at, rewrapped,
                            total, status, failure)
                        VALUES (:id, :target, :by, :at, NULL, 0, :total, :status, NULL)""")
                .param("id", r.id())
                .param("target", r.targetKek())
                .param("by", r.startedBy())
                .param("at", utc(r.startedAt()))
                .param("total", r.total())
                .param("status", r.status())
                .update();
    }

    public void progress(UUID id, long rewrapped) {
        jdbc.sql("UPDATE pr_key_rotation SET rewrapped = :n WHERE id = :id")
                .param("n", rewrapped)
                .param("id", id)
                .update();
    }

    public void finish(UUID id, String status, long rewrapped, @Nullable String failure, Instant at) {
        jdbc.sql("""
                        UPDATE pr_key_rotation SET status = :status, rewrapped = :n, failure = :failure,
                               finished_at = :at WHERE id = :id""")
                .param("status", status)
                .param("n", rewrapped)
                .param("failure", failure)
                .param("at", "DONE".equals(status) ? utc(at) : null)
                .param("id", id)
                .update();
    }

    public void restart(UUID id, long total) {
        jdbc.sql("UPDATE pr_key_rotation SET status = 'RUNNING', failure = NULL, total = :total WHERE id = :id")
                .param("total", total)
                .param("id", id)
                .update();
    }

    public Optional<Rotation> latestRotation() {
        return jdbc.sql("""
                        SELECT id, target_kek, started_by, started_at, finished_at, rewrapped, total, status, failure
                          FROM pr_key_rotation ORDER BY started_at DESC, id FETCH FIRST 1 ROWS ONLY""")
                .query((rs, n) -> new Rotation(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getString(9)))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
