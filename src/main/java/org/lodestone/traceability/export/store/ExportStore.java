package org.lodestone.traceability.export.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The export shipment queue {@code tr_export}: one row per shipping event that is an export, PENDING until the
 * depletion ran; a state changes only from PENDING, so the after-commit run and the sweep never overwrite each other.
 * Guarded by {@code ExportStoreContractTests} on H2 and PostgreSQL.
 */
@Repository
public class ExportStore {

    public enum State {
        PENDING,
        RECORDED,
        REPEATED,
        SIGNALLED
    }

    /**
     * @param quantities the event's quantity list as JSON ({@code [{"epcClass", "quantity", "uom"}]})
     */
    public record ExportRow(
            long eventSeq,
            String eventId,
            Instant eventTime,
            UUID reporter,
            @Nullable String region,
            @Nullable String licenceNumber,
            @Nullable Integer licenceLine,
            @Nullable String destParty,
            @Nullable String destLocation,
            String quantities,
            State state,
            @Nullable String outcome,
            int attempts,
            Instant enqueuedAt,
            Instant updatedAt) {}

    private final JdbcClient jdbc;

    public ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enqueues a pending depletion; false when this event is already queued. */
    public boolean enqueue(ExportRow row) {
        return jdbc.sql("""
                INSERT INTO tr_export (event_seq, event_id, event_time, reporter_id, region, licence_number,
                    licence_line, dest_party, dest_location, quantities, state, outcome, attempts, enqueued_at,
                    updated_at)
                VALUES (:seq, :eventId, :eventTime, :reporter, :region, :licence, :line, :destParty, :destLocation,
                    :quantities, 'PENDING', NULL, 0, :now, :now)
                ON CONFLICT DO NOTHING""")
                        .param("seq", row.eventSeq())
                        .param("eventId", row.eventId())
                        .param("eventTime", utc(row.eventTime()))
                        .param("reporter", row.reporter())
                        .param("region", row.region())
                        .param("licence", row.licenceNumber())
                        .param("line", row.licenceLine())
                        .param("destParty", row.destParty())
                        .param("destLocation", row.destLocation())
                        .param("quantities", row.quantities())
                        .param("now", utc(row.enqueuedAt()))
                        .update()
                == 1;
    }

    public Optional<ExportRow> find(long seq) {
        return jdbc.sql("SELECT * FROM tr_export WHERE event_seq = :seq")
                .param("seq", seq)
                .query(ExportStore::row)
                .optional();
    }

    /** Sequence numbers of pending rows enqueued before {@code before}, oldest first, tried fewer than max times. */
    public List<Long> pending(Instant before, int maxAttempts, int limit) {
        return jdbc.sql("""
                SELECT event_seq FROM tr_export WHERE state = 'PENDING' AND enqueued_at < :before
                    AND attempts < :max ORDER BY event_seq FETCH FIRST :limit ROWS ONLY""")
                .param("before", utc(before))
                .param("max", maxAttempts)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Claims a pending row for one depletion attempt until {@code until}; false when it is settled or another attempt
     * holds an unexpired claim. The after-commit listener and the sweep may reach the same row at once: without the
     * claim both would record the shipment and the loser's "already recorded" could settle first.
     */
    public boolean claim(long seq, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE tr_export SET claimed_until = :until
                WHERE event_seq = :seq AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)""")
                        .param("until", utc(until))
                        .param("now", utc(now))
                        .param("seq", seq)
                        .update()
                == 1;
    }

    /** Moves a pending row to its outcome; false when it was no longer pending. */
    public boolean settle(long seq, State state, String outcome, Instant now) {
        return jdbc.sql("""
                UPDATE tr_export SET state = :state, outcome = :outcome, updated_at = :now, claimed_until = NULL
                WHERE event_seq = :seq AND state = 'PENDING'""")
                        .param("state", state.name())
                        .param("outcome", cut(outcome))
                        .param("now", utc(now))
                        .param("seq", seq)
                        .update()
                == 1;
    }

    /** Counts a failed attempt (the licensing call failed for a reason other than the licence), keeps it pending. */
    public void failed(long seq, String why, Instant now) {
        jdbc.sql("""
                UPDATE tr_export SET attempts = attempts + 1, outcome = :why, updated_at = :now, claimed_until = NULL
                WHERE event_seq = :seq AND state = 'PENDING'""")
                .param("why", cut(why))
                .param("now", utc(now))
                .param("seq", seq)
                .update();
    }

    /**
     * Export shipments newest first.
     *
     * @param regionPrefix only those reported in this jurisdiction, null for any
     * @param reporter only those this enterprise reported, null for any
     */
    public List<ExportRow> list(
            @Nullable String regionPrefix, @Nullable UUID reporter, @Nullable State state, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tr_export WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (regionPrefix != null) {
            sql.append(" AND (region = :region OR region LIKE :regionLike)");
            params.put("region", regionPrefix);
            params.put("regionLike", regionPrefix + "-%");
        }
        if (reporter != null) {
            sql.append(" AND reporter_id = :reporter");
            params.put("reporter", reporter);
        }
        if (state != null) {
            sql.append(" AND state = :state");
            params.put("state", state.name());
        }
        sql.append(" ORDER BY event_seq DESC FETCH FIRST :limit ROWS ONLY");
        params.put("limit", Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query(ExportStore::row).list();
    }

    private static ExportRow row(ResultSet rs, int n) throws SQLException {
        int line = rs.getInt("licence_line");
        Integer licenceLine = rs.wasNull() ? null : line;
        return new ExportRow(
                rs.getLong("event_seq"),
                rs.getString("event_id"),
                rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                rs.getObject("reporter_id", UUID.class),
                rs.getString("region"),
                rs.getString("licence_number"),
                licenceLine,
                rs.getString("dest_party"),
                rs.getString("dest_location"),
                rs.getString("quantities"),
                State.valueOf(rs.getString("state")),
                rs.getString("outcome"),
                rs.getInt("attempts"),
                rs.getObject("enqueued_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
