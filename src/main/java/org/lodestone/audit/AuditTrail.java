package org.lodestone.audit;

import java.util.List;

/**
 * Records and verifies the hash-chained audit trail. {@link #record} joins the caller's transaction: if the caller
 * rolls back, so does the record. Appends are serialised on one lock held until the caller's transaction ends, so
 * call {@link #record} after your own writes, as the last step of the transaction.
 */
public interface AuditTrail {

    /**
     * Appends one entry; actor, organisation and request id are taken from the record or, if absent, the context.
     * Text longer than its column is cut and ends with "…"; action and object type must not be blank.
     */
    AuditEntry record(AuditRecord record);

    /** Walks the whole chain and reports the first row whose hash or link does not match. */
    ChainVerification verify();

    /** Entries matching the query, newest first, at most {@code query.limit()}. */
    List<AuditEntry> find(AuditQuery query);
}
