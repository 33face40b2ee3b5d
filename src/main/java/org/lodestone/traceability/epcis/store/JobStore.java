package org.lodestone.traceability.epcis.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Capture jobs and their spooled request bodies. A body is written in chunks as it arrives and read back as a stream
 * chunk by chunk, so neither side holds a whole document in memory. Job states: {@code SPOOLING} (being received, not
 * acknowledged), {@code QUEUED} (acknowledged with 202), {@code RUNNING}, {@code DONE}.
 */
public class JobStore {

    public static final int CHUNK = 1024 * 1024;

    private final JdbcClient jdbc;

    public JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Job(
            UUID captureId,
            OrganisationId organisation,
            String username,
            @Nullable String reporterRegion,
            String syntax,
            String errorBehaviour,
            String state,
            Instant createdAt,
            @Nullable Instant finishedAt,
            @Nullable Boolean success,
            long bodyBytes,
            int stored,
            int duplicates,
            int rejected,
            @Nullable String errors) {}

    public void create(
            UUID captureId,
            OrganisationId organisation,
            String username,
            @Nullable String region,
            String syntax,
            String errorBehaviour,
            Instant createdAt) {
        jdbc.sql("""
                INSERT INTO ep_capture_job (capture_id, organisation, username, reporter_region, syntax,
                    error_behaviour, state, created_at, body_bytes, events_stored, events_duplicate, events_rejected)
                VALUES (:id, :org, :username, :region, :syntax, :behaviour, 'SPOOLING', :at, 0, 0, 0, 0)""")
                .param("id", captureId)
                .param("org", organisation.value())
                .param("username", username)
                .param("region", region)
                .param("syntax", syntax)
                .param("behaviour", errorBehaviour)
                .param("at", EventStore.ts(createdAt))
                .update();
    }

    public void appendChunk(UUID captureId, int chunkNo, byte[] data, int length) {
        jdbc.sql("INSERT INTO ep_capture_body (capture_id, chunk_no, data) VALUES (:id, :no, :data)")
                .param("id", captureId)
                .param("no", chunkNo)
                .param("data", length == data.length ? data : Arrays.copyOf(data, length))
                .update();
    }

    /** The body is complete and acknowledged: the worker owes the job a result from now on, across restarts. */
    public void queued(UUID captureId, long bodyBytes) {
        jdbc.sql("UPDATE ep_capture_job SET state = 'QUEUED', body_bytes = :bytes WHERE capture_id = :id")
                .param("id", captureId)
                .param("bytes", bodyBytes)
                .update();
    }

    /** Claims a queued (or, after a crash, running) job; false when another worker has it or it is done. */
    public boolean running(UUID captureId) {
        return jdbc.sql("""
                        UPDATE ep_capture_job SET state = 'RUNNING'
                        WHERE capture_id = :id AND state IN ('QUEUED', 'RUNNING')""").param("id", captureId).update() == 1;
    }

    public void finish(
            UUID captureId,
            boolean success,
            int stored,
            int duplicates,
            int rejected,
            @Nullable String errors,
            Instant finishedAt) {
        jdbc.sql("""
                UPDATE ep_capture_job SET state = 'DONE', success = :success, events_stored = :stored,
                    events_duplicate = :duplicates, events_rejected = :rejected, errors = :errors,
                    finished_at = :at
                WHERE capture_id = :id""")
                .param("id", captureId)
                .param("success", success)
                .param("stored", stored)
                .param("duplicates", duplicates)
                .param("rejected", rejected)
                .param("errors", errors)
                .param("at", EventStore.ts(finishedAt))
                .update();
        deleteBody(captureId);
    }

    public void deleteBody(UUID captureId) {
        jdbc.sql("DELETE FROM ep_capture_body WHERE capture_id = :id")
                .param("id", captureId)
                .update();
    }

    /** Removes a job that was never acknowledged (refused or interrupted while spooling). */
    public void delete(UUID captureId) {
        deleteBody(captureId);
        jdbc.sql("DELETE FROM ep_capture_job WHERE capture_id = :id")
                .param("id", captureId)
                .update();
    }

    public Optional<Job> find(UUID captureId) {
        return jdbc.sql(SELECT + " WHERE capture_id = :id")
                .param("id", captureId)
                .query(JobStore::job)
                .optional();
    }

    /** The organisation's jobs, newest first. */
    public List<Job> list(OrganisationId organisation, int limit) {
        return jdbc.sql(SELECT + " WHERE organisation = :org ORDER BY created_at DESC LIMIT :limit")
                .param("org", organisation.value())
                .param("limit", limit)
                .query(JobStore::job)
                .list();
    }

    /** Acknowledged jobs without a result, oldest first: what a restart must resume. */
    public List<UUID> unfinished() {
        return jdbc.sql("SELECT capture_id FROM ep_capture_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY"
                        + " created_at")
                .query(UUID.class)
                .list();
    }

    /** Jobs whose body was still arriving when the server stopped: never acknowledged, so dropped. */
    public List<UUID> spooling() {
        return jdbc.sql("SELECT capture_id FROM ep_capture_job WHERE state = 'SPOOLING'")
                .query(UUID.class)
                .list();
    }

    /** The spooled body as a stream that loads one chunk at a time. */
    public InputStream body(UUID captureId) {
        return new InputStream() {
            private byte @Nullable [] chunk = new byte[0];
            private int pos;
            private int next;

            private boolean fill() {
                while (chunk != null && pos >= chunk.length) {
                    chunk = jdbc.sql("SELECT data FROM ep_capture_body WHERE capture_id = :id AND chunk_no = :no")
                            .param("id", captureId)
                            .param("no", next++)
                            .query((rs, n) -> rs.getBytes(1))
                            .optional()
                            .orElse(null);
                    pos = 0;
                }
                return chunk != null;
            }

            @Override
            public int read() throws IOException {
                if (!fill()) {
                    return -1;
                }
                return chunk[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static final String SELECT = """
            SELECT capture_id, organisation, username, reporter_region, syntax, error_behaviour, state, created_at,
                finished_at, success, body_bytes, events_stored, events_duplicate, events_rejected, errors
            FROM ep_capture_job""";

    private static Job job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime finished = rs.getObject(9, OffsetDateTime.class);
        boolean success = rs.getBoolean(10);
        boolean successNull = rs.wasNull();
        return new Job(
                rs.getObject(1, UUID.class),
                new OrganisationId(rs.getObject(2, UUID.class)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(),
                successNull ? null : success,
                rs.getLong(11),
                rs.getInt(12),
                rs.getInt(13),
                rs.getInt(14),
                rs.getString(15));
    }
}
