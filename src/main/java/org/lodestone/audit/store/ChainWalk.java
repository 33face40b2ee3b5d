package org.lodestone.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.lodestone.audit.ChainVerification;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Walks the rows in sequence order, holding only the previous row's hash, and stops at the first row that breaks the
 * chain: a sequence gap (a deleted row), a hash that does not match the row's content (an altered row, or an altered
 * hash), or a previous-hash that does not match the row before (a rewritten or re-ordered chain). At the end the head
 * must name the last row and its hash, which catches rows cut off at the tail. Guarded by
 * {@code AuditTrailContractTests}.
 */
final class ChainWalk implements ResultSetExtractor<ChainVerification> {

    /**
     * The head and every row in one statement, so both come from the same snapshot on PostgreSQL and H2 alike while
     * others keep appending (a head read separately could lag behind or run ahead of the rows). The outer join yields
     * one row of nulls beside the head when the trail is empty.
     */
    static final String SQL = """
            SELECT h.last_sequence AS head_sequence, h.last_hash AS head_hash, e.*
            FROM audit_chain_head h LEFT JOIN audit_entry e ON 1 = 1
            WHERE h.id = 1
            ORDER BY e.sequence""";

    @Override
    public ChainVerification extractData(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new IllegalStateException("audit_chain_head has no row: the audit schema is damaged or not migrated");
        }
        var head = new ChainHead(rs.getLong("head_sequence"), rs.getString("head_hash"));
        long expected = 1;
        long checked = 0;
        String previousHash = HashChain.GENESIS;
        boolean more = rs.getObject("sequence") != null;
        for (; more; more = rs.next()) {
            StoredRow row = StoredRow.read(rs);
            checked++;
            long sequence = row.sequence();
            if (sequence > expected) {
                return ChainVerification.brokenAt(checked, expected, missing(expected, sequence - 1));
            }
            if (sequence < expected) {
                return ChainVerification.brokenAt(
                        checked, sequence, "row " + sequence + " is outside the chain, which starts at row 1");
            }
            if (!HashChain.hash(row).equals(row.hash())) {
                return ChainVerification.brokenAt(checked, sequence, "hash mismatch: content altered");
            }
            if (!row.previousHash().equals(previousHash)) {
                return ChainVerification.brokenAt(
                        checked,
                        sequence,
                        sequence == 1
                                ? "link to previous row broken: row 1 does not start from the genesis hash"
                                : "link to previous row broken: previous hash differs from the hash of row "
                                        + (sequence - 1));
            }
            previousHash = row.hash();
            expected++;
        }
        long last = expected - 1;
        if (head.lastSequence() > last) {
            return ChainVerification.brokenAt(
                    checked,
                    last + 1,
                    missing(last + 1, head.lastSequence()) + " at the tail (the chain head records row "
                            + head.lastSequence() + ")");
        }
        if (head.lastSequence() < last) {
            // Cannot happen through the trail: rows are only written together with the head.
            return ChainVerification.brokenAt(
                    checked,
                    head.lastSequence() + 1,
                    "row " + (head.lastSequence() + 1) + " was added outside the trail: the chain head ends at row "
                            + head.lastSequence());
        }
        if (!head.lastHash().equals(previousHash)) {
            return ChainVerification.brokenAt(
                    checked,
                    last,
                    "chain head hash differs from the hash of row " + last + ": the chain was rewritten");
        }
        return ChainVerification.intact(checked);
    }

    private static String missing(long first, long last) {
        return first == last ? "row " + first + " missing" : "rows " + first + " to " + last + " missing";
    }
}
