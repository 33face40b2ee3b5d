package org.lodestone.licensing.notification.store;

import static org.lodestone.licensing.notification.store.NotificationStore.instant;
import static org.lodestone.licensing.notification.store.NotificationStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable e-mail outbox. A mail is enqueued in the business transaction; senders take due PENDING rows with a
 * conditional update ({@link #claim}) that moves {@code next_attempt_at} forward by a lease, so two senders (threads or
 * nodes) never send the same row twice while both are alive, and a sender that dies mid-send leaves a row that becomes
 * due again when its lease ends (at-least-once delivery). Guarded by {@code NotificationStoreContractTests}.
 */
public class MailOutboxStore {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private final JdbcClient sql;

    public MailOutboxStore(JdbcClient sql) {
        this.sql = sql;
    }

    public record Mail(
            UUID id,
            UUID notificationId,
            String toAddress,
            String subject,
            String body,
            String status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt) {}

    public void enqueue(UUID id, UUID notificationId, String toAddress, String subject, String body, Instant now) {
        sql.sql("""
                        INSERT INTO notification_mail (id, notification_id, to_address, subject, body, status, attempts,
                                                       next_attempt_at, created_at)
                        VALUES (:id, :notificationId, :to, :subject, :body, 'PENDING', 0, :now, :now)
                        """)
                .param("id", id)
                .param("notificationId", notificationId)
                .param("to", toAddress)
                .param("subject", subject)
                .param("body", body)
                .param("now", ts(now))
                .update();
    }

    /** Ids of PENDING mails due at {@code now}, oldest first. */
    public List<UUID> due(Instant now, int limit) {
        return sql.sql("""
                        SELECT id FROM notification_mail
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id
                        LIMIT :limit
                        """)
                .param("now", ts(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes a due mail for sending until {@code leaseUntil}; empty when another sender took it first or it is no longer
     * due. The attempt is counted here, before sending, so a crash mid-send still counts towards the limit.
     */
    public Optional<Mail> claim(UUID id, Instant now, Instant leaseUntil) {
        int claimed = sql.sql("""
                        UPDATE notification_mail SET next_attempt_at = :lease, attempts = attempts + 1
                        WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                        """)
                .param("lease", ts(leaseUntil))
                .param("id", id)
                .param("now", ts(now))
                .update();
        return claimed == 1 ? find(id) : Optional.empty();
    }

    public void markSent(UUID id, Instant at) {
        sql.sql("UPDATE notification_mail SET status = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    /** Records a failed attempt: due again at {@code nextAttemptAt}. */
    public void retryLater(UUID id, Instant nextAttemptAt, String error) {
        sql.sql("UPDATE notification_mail SET next_attempt_at = :next, last_error = :error WHERE id = :id")
                .param("next", ts(nextAttemptAt))
                .param("error", truncate(error))
                .param("id", id)
                .update();
    }

    /** Gives up on a mail: it stays in the table as FAILED with the reason. */
    public void markFailed(UUID id, String error) {
        sql.sql("UPDATE notification_mail SET status = 'FAILED', last_error = :error WHERE id = :id")
                .param("error", truncate(error))
                .param("id", id)
                .update();
    }

    public Optional<Mail> find(UUID id) {
        return sql.sql("""
                        SELECT id, notification_id, to_address, subject, body, status, attempts, next_attempt_at,
                               last_error, created_at, sent_at
                        FROM notification_mail WHERE id = :id
                        """).param("id", id).query(MailOutboxStore::mail).optional();
    }

    /** All mails of one notification (tests and support). */
    public List<Mail> ofNotification(UUID notificationId) {
        return sql.sql("""
                        SELECT id, notification_id, to_address, subject, body, status, attempts, next_attempt_at,
                               last_error, created_at, sent_at
                        FROM notification_mail WHERE notification_id = :notificationId ORDER BY created_at, id
                        """)
                .param("notificationId", notificationId)
                .query(MailOutboxStore::mail)
                .list();
    }

    private static String truncate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }

    private static Mail mail(ResultSet rs, int n) throws SQLException {
        Instant next = instant(rs, "next_attempt_at");
        Instant created = instant(rs, "created_at");
        if (next == null || created == null) {
            throw new SQLException("notification_mail row without timestamps");
        }
        return new Mail(
                rs.getObject("id", UUID.class),
                rs.getObject("notification_id", UUID.class),
                rs.getString("to_address"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("status"),
                rs.getInt("attempts"),
                next,
                rs.getString("last_error"),
                created,
                instant(rs, "sent_at"));
    }
}
