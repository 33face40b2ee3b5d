package org.lodestone.audit.store;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditActors;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.lodestone.shared.RequestIds;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash-chained trail in {@code audit_entry}. An append locks the single {@code audit_chain_head} row
 * ({@code SELECT … FOR UPDATE}), so concurrent writers, also in other JVMs on PostgreSQL, queue up and the chain never
 * forks; the head gives the last sequence and hash, so appending never re-reads the chain. Rows are never updated or
 * deleted. Transactions are programmatic so the rules hold however the class is called: {@link #record} joins the
 * caller's transaction, {@link #verify} reads head and rows in one statement, hence one snapshot. Guarded by
 * {@code AuditTrailContractTests}.
 */
@Component
class ChainedAuditTrail implements AuditTrail {

    static final int ACTOR_LENGTH = 200;
    static final int ORGANISATION_LENGTH = 100;
    static final int ACTION_LENGTH = 100;
    static final int OBJECT_TYPE_LENGTH = 100;
    static final int OBJECT_ID_LENGTH = 200;
    static final int DETAIL_LENGTH = 4000;
    static final int REQUEST_ID_LENGTH = 100;

    /** Rows fetched per round trip while verifying; the walk itself holds one row at a time. */
    static final int FETCH_SIZE = 500;

    private static final String LOCK_HEAD = """
            SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE""";

    private static final String INSERT = """
            INSERT INTO audit_entry (sequence, occurred_at, actor, organisation_id, action, object_type, object_id,
                                     outcome, detail, request_id, previous_hash, hash)
            VALUES (:sequence, :occurredAt, :actor, :organisationId, :action, :objectType, :objectId,
                    :outcome, :detail, :requestId, :previousHash, :hash)""";

    private static final String ADVANCE_HEAD = """
            UPDATE audit_chain_head SET last_sequence = :sequence, last_hash = :hash
            WHERE id = 1 AND last_sequence = :previousSequence""";

    private final JdbcClient jdbc;
    private final TransactionTemplate joinCaller;
    private final TransactionTemplate ownWrite;
    private final TransactionTemplate readOnly;
    private final Supplier<AuditActor> currentActor;
    private final Clock clock;

    @Autowired
    ChainedAuditTrail(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<AuditActors> actors,
            ObjectProvider<Clock> clock) {
        this(jdbc, transactions, new ContextActor(actors), clock.getIfUnique(Clock::systemUTC));
    }

    ChainedAuditTrail(
            JdbcClient jdbc, PlatformTransactionManager transactions, Supplier<AuditActor> currentActor, Clock clock) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.clock = clock;
        this.joinCaller = new TransactionTemplate(transactions);
        this.joinCaller.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.ownWrite = new TransactionTemplate(transactions);
        this.ownWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Read-only and its own: PostgreSQL streams with a fetch size only inside a transaction.
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Appends in the caller's transaction, so the record commits or rolls back with the change it describes. The head
     * lock is held until that transaction ends: callers record after their own writes, which keeps the wait short and
     * the lock order the same everywhere. A read-only caller (auditing a read of sensitive data) cannot write, so its
     * record commits on its own.
     */
    @Override
    public AuditEntry record(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        requireText(record.action(), "action");
        requireText(record.objectType(), "objectType");
        Objects.requireNonNull(record.outcome(), "outcome");
        AuditActor actor = record.actor() != null ? record.actor() : currentActor.get();
        String requestId = MDC.get(RequestIds.MDC_KEY);
        boolean readOnlyCaller = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        TransactionTemplate tx = readOnlyCaller ? ownWrite : joinCaller;
        return Objects.requireNonNull(tx.execute(status -> append(record, actor, requestId)));
    }

    private AuditEntry append(AuditRecord record, AuditActor actor, @Nullable String requestId) {
        ChainHead head = jdbc.sql(LOCK_HEAD)
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
        // Time is taken under the lock, so occurred_at never goes backwards along the chain within one clock.
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var unsigned = new StoredRow(
                head.lastSequence() + 1,
                occurredAt,
                StoredText.fitRequired(blankToDefault(actor.name()), ACTOR_LENGTH),
                StoredText.fit(actor.organisationId(), ORGANISATION_LENGTH),
                StoredText.fitRequired(record.action(), ACTION_LENGTH),
                StoredText.fitRequired(record.objectType(), OBJECT_TYPE_LENGTH),
                StoredText.fit(record.objectId(), OBJECT_ID_LENGTH),
                record.outcome().name(),
                StoredText.fit(record.detail(), DETAIL_LENGTH),
                StoredText.fit(requestId, REQUEST_ID_LENGTH),
                head.lastHash(),
                "");
        var row = new StoredRow(
                unsigned.sequence(),
                unsigned.occurredAt(),
                unsigned.actor(),
                unsigned.organisationId(),
                unsigned.action(),
                unsigned.objectType(),
                unsigned.objectId(),
                unsigned.outcome(),
                unsigned.detail(),
                unsigned.requestId(),
                unsigned.previousHash(),
                HashChain.hash(unsigned));
        jdbc.sql(INSERT)
                .param("sequence", row.sequence())
                .param("occurredAt", OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC))
                .param("actor", row.actor())
                .param("organisationId", row.organisationId(), Types.VARCHAR)
                .param("action", row.action())
                .param("objectType", row.objectType())
                .param("objectId", row.objectId(), Types.VARCHAR)
                .param("outcome", row.outcome())
                .param("detail", row.detail(), Types.VARCHAR)
                .param("requestId", row.requestId(), Types.VARCHAR)
                .param("previousHash", row.previousHash())
                .param("hash", row.hash())
                .update();
        int advanced = jdbc.sql(ADVANCE_HEAD)
                .param("sequence", row.sequence())
                .param("hash", row.hash())
                .param("previousSequence", head.lastSequence())
                .update();
        if (advanced != 1) {
            // Only possible if the head lock did not hold; failing keeps the chain from forking.
            throw new IllegalStateException("audit chain head moved during an append; the record was not written");
        }
        return row.toEntry();
    }

    @Override
    public ChainVerification verify() {
        return Objects.requireNonNull(readOnly.execute(
                status -> jdbc.sql(ChainWalk.SQL).withFetchSize(FETCH_SIZE).query(new ChainWalk())));
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + StoredRow.COLUMNS + " FROM audit_entry WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.objectType() != null) {
            sql.append(" AND object_type = :objectType");
            params.put("objectType", query.objectType());
        }
        if (query.objectId() != null) {
            sql.append(" AND object_id = :objectId");
            params.put("objectId", query.objectId());
        }
        if (query.actor() != null) {
            sql.append(" AND actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY sequence DESC LIMIT :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> StoredRow.read(rs).toEntry())
                .list();
    }

    private static String blankToDefault(String actorName) {
        return actorName == null || actorName.isBlank() ? AuditActor.SYSTEM.name() : actorName;
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit record needs a non-blank " + name);
        }
    }
}
