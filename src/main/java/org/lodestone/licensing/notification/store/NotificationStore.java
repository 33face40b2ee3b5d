package org.lodestone.licensing.notification.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-app inbox: one row per recipient and notice. Every read and update is scoped by the recipient, so one user's
 * id can never reach another user's row. Guarded by {@code NotificationStoreContractTests}.
 */
public class NotificationStore {

    private final JdbcClient sql;

    public NotificationStore(JdbcClient sql) {
        this.sql = sql;
    }

    /** A stored notification as the inbox shows it. */
    public record Row(
            UUID id,
            UUID recipient,
            String category,
            String subject,
            String body,
            @Nullable String link,
            @Nullable String objectType,
            @Nullable String objectId,
            Instant createdAt,
            @Nullable Instant readAt) {}

    public void insert(Row row) {
        sql.sql("""
                        INSERT INTO notification (id, recipient, category, subject, body, link, object_type, object_id,
                                                  created_at, read_at)
                        VALUES (:id, :recipient, :category, :subject, :body, :link, :objectType, :objectId,
                                :createdAt, :readAt)
                        """)
                .param("id", row.id())
                .param("recipient", row.recipient())
                .param("category", row.category())
                .param("subject", row.subject())
                .param("body", row.body())
                .param("link", row.link())
                .param("objectType", row.objectType())
                .param("objectId", row.objectId())
                .param("createdAt", ts(row.createdAt()))
                .param("readAt", ts(row.readAt()))
                .update();
    }

    /** The recipient's notifications, newest first. */
    public List<Row> list(UUID recipient, boolean unreadOnly, int limit) {
        return sql.sql("""
                        SELECT id, recipient, category, subject, body, link, object_type, object_id, created_at, read_at
                        FROM notification
                        WHERE recipient = :recipient AND (:all OR read_at IS NULL)
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit
                        """)
                .param("recipient", recipient)
                .param("all", !unreadOnly)
                .param("limit", limit)
                .query(NotificationStore::row)
                .list();
    }

    public java.util.Optional<Row> find(UUID recipient, UUID id) {
        return sql.sql("""
                        SELECT id, recipient, category, subject, body, link, object_type, object_id, created_at, read_at
                        FROM notification
                        WHERE id = :id AND recipient = :recipient
                        """)
                .param("id", id)
                .param("recipient", recipient)
                .query(NotificationStore::row)
                .optional();
    }

    public int unreadCount(UUID recipient) {
        return sql.sql("SELECT COUNT(*) FROM notification WHERE recipient = :recipient AND read_at IS NULL")
                .param("recipient", recipient)
                .query(Integer.class)
                .single();
    }

    /** Marks one of the recipient's notifications read; false when the recipient has no such notification. */
    public boolean markRead(UUID recipient, UUID id, Instant at) {
        int changed = sql.sql("""
                        UPDATE notification SET read_at = :at
                        WHERE id = :id AND recipient = :recipient AND read_at IS NULL
                        """)
                .param("at", ts(at))
                .param("id", id)
                .param("recipient", recipient)
                .update();
        return changed == 1 || find(recipient, id).isPresent();
    }

    /** Marks all of the recipient's unread notifications read; returns how many changed. */
    public int markAllRead(UUID recipient, Instant at) {
        return sql.sql("UPDATE notification SET read_at = :at WHERE recipient = :recipient AND read_at IS NULL")
                .param("at", ts(at))
                .param("recipient", recipient)
                .update();
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Instant created = instant(rs, "created_at");
        if (created == null) {
            throw new SQLException("created_at is null");
        }
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("recipient", UUID.class),
                rs.getString("category"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                created,
                instant(rs, "read_at"));
    }
}
