package org.lodestone.audit;

import java.util.List;

/**
 * Records and verifies the hash-chained audit trail. {@link #record} joins the caller's transaction: if the caller
 * rolls back, so does the record.
 */
public interface AuditTrail {

    /** Appends one entry; actor, organisation and request id are taken from the record or, if absent, the context. */
    AuditEntry record(AuditRecord record);

    /** Walks the whole chain and reports the first row whose hash or link does not match. */
    ChainVerification verify();

    /** Entries matching the query, newest first, at most {@code query.limit()}. */
    List<AuditEntry> find(AuditQuery query);
}
