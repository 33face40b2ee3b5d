package org.lodestone.licensing.retention.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds applications whose retention period has passed and marks those shredded. Every query leaves out applications
 * already in {@code rt_shredded} and applications with a licence that has not ended (an approved case stays while its
 * licence lives, whatever its own state says).
 */
public class RetentionStore {

    /** One application due for shredding: {@code since} is the date its period is counted from. */
    public record Due(UUID applicationId, String reference, Instant since) {}

    private static final String NOT_SHREDDED_NO_LIVE_LICENCE = """
             AND NOT EXISTS (SELECT 1 FROM rt_shredded s WHERE s.application_id = a.id)
             AND NOT EXISTS (SELECT 1 FROM lic_licence l WHERE l.application_id = a.id
                             AND l.status NOT IN ('EXPIRED', 'REVOKED', 'EXHAUSTED'))
            """;

    private final JdbcClient jdbc;

    public RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applications in {@code state} (REFUSED, WITHDRAWN, DRAFT) whose last change is before {@code cutoff}. */
    public List<Due> inStateUnchangedSince(String state, Instant cutoff, int limit) {
        return jdbc.sql("SELECT a.id, a.reference, a.updated_at FROM la_application a"
                        + " WHERE a.state = :state AND a.updated_at < :cutoff"
                        + NOT_SHREDDED_NO_LIVE_LICENCE
                        + " ORDER BY a.updated_at LIMIT :limit")
                .param("state", state)
                .param("cutoff", utc(cutoff))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Applications whose licences all ended before {@code cutoff}: the status change (EXPIRED, REVOKED, EXHAUSTED), or
     * the day after {@code valid_to} when no change time was recorded.
     */
    public List<Due> licenceEndedBefore(Instant cutoff, int limit) {
        return jdbc
                .sql("SELECT a.id, a.reference, MAX(l.status_changed_at), MAX(l.valid_to)"
                        + " FROM la_application a JOIN lic_licence l ON l.application_id = a.id"
                        + " WHERE 1 = 1"
                        + NOT_SHREDDED_NO_LIVE_LICENCE
                        + " GROUP BY a.id, a.reference")
                .query((rs, n) -> {
                    OffsetDateTime changed = rs.getObject(3, OffsetDateTime.class);
                    LocalDate validTo = rs.getObject(4, LocalDate.class);
                    Instant ended = changed != null
                            ? changed.toInstant()
                            : validTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    return new Due(rs.getObject(1, UUID.class), rs.getString(2), ended);
                })
                .list()
                .stream()
                .filter(due -> due.since().isBefore(cutoff))
                .limit(limit)
                .toList();
    }

    /** Marks the application shredded; false when another run already did. */
    public boolean markShredded(Due due, String category, String period, Instant now) {
        return jdbc.sql("INSERT INTO rt_shredded (application_id, reference, category, period, since, shredded_at)"
                                + " SELECT :id, :reference, :category, :period, :since, :now"
                                + " WHERE NOT EXISTS (SELECT 1 FROM rt_shredded WHERE application_id = :id)")
                        .param("id", due.applicationId())
                        .param("reference", due.reference())
                        .param("category", category)
                        .param("period", period)
                        .param("since", utc(due.since()))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    public boolean isShredded(UUID applicationId) {
        return jdbc.sql("SELECT COUNT(*) FROM rt_shredded WHERE application_id = :id")
                        .param("id", applicationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long shreddedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM rt_shredded").query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
