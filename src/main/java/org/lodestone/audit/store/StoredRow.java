package org.lodestone.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditRecord;

/**
 * One row of {@code audit_entry} exactly as stored, outcome as raw text: verification hashes what is in the table,
 * even a value no enum constant matches.
 */
record StoredRow(
        long sequence,
        Instant occurredAt,
        String actor,
        @Nullable String organisationId,
        String action,
        String objectType,
        @Nullable String objectId,
        String outcome,
        @Nullable String detail,
        @Nullable String requestId,
        String previousHash,
        String hash) {

    static final String COLUMNS = """
            sequence, occurred_at, actor, organisation_id, action, object_type, object_id, outcome, detail, \
            request_id, previous_hash, hash""";

    static StoredRow read(ResultSet rs) throws SQLException {
        OffsetDateTime occurredAt = rs.getObject("occurred_at", OffsetDateTime.class);
        return new StoredRow(
                rs.getLong("sequence"),
                occurredAt.toInstant(),
                rs.getString("actor"),
                rs.getString("organisation_id"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getString("outcome"),
                rs.getString("detail"),
                rs.getString("request_id"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    AuditEntry toEntry() {
        return new AuditEntry(
                sequence,
                occurredAt,
                actor,
                organisationId,
                action,
                objectType,
                objectId,
                AuditRecord.Outcome.valueOf(outcome),
                detail,
                requestId,
                previousHash,
                hash);
    }
}
