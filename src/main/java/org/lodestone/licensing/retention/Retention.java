package org.lodestone.licensing.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.retention.store.RetentionStore;
import org.lodestone.licensing.retention.store.RetentionStore.Due;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Destroys, by crypto-shredding, the data of applications whose category's retention period has passed: per
 * application, in one transaction, the {@code rt_shredded} mark (which makes the run idempotent), the data key's
 * destruction ({@code DATA_KEY_DESTROYED}) and a {@code RETENTION_SHREDDED} audit entry naming category, period and
 * reference, nothing sensitive. A failure on one application is logged and counted and the run goes on. Metadata
 * (reference, state, dates, audit trail) stays. Guarded by {@code RetentionTests}.
 */
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** Applications per category per run; the next run takes the rest. */
    static final int BATCH = 500;

    private final RetentionStore store;
    private final Protection protection;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(
            RetentionStore store,
            Protection protection,
            AuditTrail audit,
            TransactionOperations transactions,
            RetentionProperties properties,
            Clock clock) {
        this.store = store;
        this.protection = protection;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one run did: applications shredded per category (configured ones only) and failures. */
    public record RunResult(Instant at, Map<RetentionCategory, Integer> shredded, int failed) {}

    /** What is configured and due now. */
    public record Overview(
            Map<RetentionCategory, Period> periods, Map<RetentionCategory, Integer> due, long shredded) {}

    public RunResult run() {
        return run(clock.instant());
    }

    /** Shreds everything due at {@code now}. */
    public RunResult run(Instant now) {
        Map<RetentionCategory, Integer> shredded = new EnumMap<>(RetentionCategory.class);
        int failed = 0;
        for (var entry : properties.periods().entrySet()) {
            RetentionCategory category = entry.getKey();
            Period period = entry.getValue();
            int count = 0;
            for (Due due : due(category, period, now)) {
                try {
                    Boolean done = transactions.execute(tx -> shred(due, category, period, now));
                    if (Boolean.TRUE.equals(done)) {
                        count++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Retention could not shred application {} ({})", due.reference(), category.key(), e);
                }
            }
            shredded.put(category, count);
        }
        return new RunResult(now, shredded, failed);
    }

    public Overview overview() {
        Instant now = clock.instant();
        Map<RetentionCategory, Period> periods = properties.periods();
        Map<RetentionCategory, Integer> due = new EnumMap<>(RetentionCategory.class);
        periods.forEach((category, period) ->
                due.put(category, due(category, period, now).size()));
        return new Overview(periods, due, store.shreddedCount());
    }

    private boolean shred(Due due, RetentionCategory category, Period period, Instant now) {
        if (!store.markShredded(due, category.key(), period.toString(), now)) {
            return false; // a concurrent run got there first
        }
        protection.destroy(
                Scope.application(due.applicationId()),
                "retention: " + category.key() + " " + period + " since " + due.since());
        audit.record(AuditRecord.success(
                        "RETENTION_SHREDDED", "APPLICATION", due.applicationId().toString())
                .withDetail("reference=" + due.reference() + " category=" + category.key() + " period=" + period
                        + " since=" + due.since()));
        return true;
    }

    private List<Due> due(RetentionCategory category, Period period, Instant now) {
        Instant cutoff = now.atZone(ZoneOffset.UTC).minus(period).toInstant();
        return switch (category) {
            case REFUSED_APPLICATIONS -> store.inStateUnchangedSince("REFUSED", cutoff, BATCH);
            case WITHDRAWN_APPLICATIONS -> store.inStateUnchangedSince("WITHDRAWN", cutoff, BATCH);
            case LAPSED_DRAFTS -> store.inStateUnchangedSince("DRAFT", cutoff, BATCH);
            case EXPIRED_LICENCES -> store.licenceEndedBefore(cutoff, BATCH);
        };
    }
}
