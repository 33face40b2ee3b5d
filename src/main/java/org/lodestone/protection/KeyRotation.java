package org.lodestone.protection;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.protection.store.DataKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

/**
 * Rotation of the key-encryption key: the key provider creates a new KEK version and every live data key is re-wrapped
 * under it, in batches of {@code lodestone.protection.rotation-batch}, each in its own transaction. Documents and sealed
 * fields are untouched (they are encrypted with the data keys, which do not change). A rotation that stopped (crash,
 * error) is resumed by starting again: rows are selected by "not yet under the target KEK", so no work is repeated or
 * lost. Start and end are audited. An old KEK can be retired once no data key is wrapped under it. Guarded by
 * {@code KeyRotationTests} and {@code KeyRotationApiTests}.
 */
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    /** Key custody at a glance: the current KEK and how many live data keys each KEK wraps. */
    public record Status(
            String currentKek,
            List<String> keks,
            Map<String, Long> dataKeysByKek,
            @Nullable Run rotation) {}

    /** One rotation; {@code status} is RUNNING, DONE or FAILED (resumable). */
    public record Run(
            UUID id,
            String targetKek,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            long rewrapped,
            long total,
            String status,
            @Nullable String failure) {

        static Run of(DataKeyStore.Rotation r) {
            return new Run(
                    r.id(),
                    r.targetKek(),
                    r.startedBy(),
                    r.startedAt(),
                    r.finishedAt(),
                    r.rewrapped(),
                    r.total(),
                    r.status(),
                    r.failure());
        }
    }

    private final DataKeyStore store;
    private final KeyProvider provider;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final int batch;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("key-rotation").factory());

    KeyRotation(
            DataKeyStore store,
            KeyProvider provider,
            AuditTrail audit,
            TransactionOperations transactions,
            Clock clock,
            int batch) {
        this.store = store;
        this.provider = provider;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.batch = batch;
    }

    public Status status() {
        return new Status(
                provider.currentKek(),
                List.copyOf(provider.keks()),
                store.liveKeysByKek(),
                store.latestRotation().map(Run::of).orElse(null));
    }

    /**
     * Starts a rotation in the background (or resumes the last one if it did not finish) and returns it at once.
     *
     * @throws ErrorResponseException 409 when a rotation is running in this process
     */
    public Run start() {
        DataKeyStore.Rotation rotation = begin();
        worker.execute(() -> work(rotation));
        return Run.of(rotation);
    }

    /** Starts (or resumes) a rotation and runs it to its end in the calling thread. */
    public Run rotateNow() {
        DataKeyStore.Rotation rotation = begin();
        work(rotation);
        return store.latestRotation().map(Run::of).orElseThrow();
    }

    /**
     * Removes an old KEK from the key provider once no data key is wrapped under it.
     *
     * @throws ErrorResponseException 409 when it is current or still wraps data keys
     */
    public void retire(String kekId) {
        if (kekId.equals(provider.currentKek())) {
            throw conflict("the current key-encryption key " + kekId + " cannot be retired; rotate first");
        }
        Long wrapped = store.liveKeysByKek().get(kekId);
        if (wrapped != null && wrapped > 0) {
            throw conflict(wrapped + " data key(s) are still wrapped under " + kekId + "; finish the rotation first");
        }
        if (!provider.keks().contains(kekId)) {
            throw new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no key-encryption key " + kekId),
                    null);
        }
        try {
            provider.retire(kekId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot retire " + kekId + ": " + e.getMessage(), e);
        }
        transactions.executeWithoutResult(
                tx -> audit.record(AuditRecord.success("KEK_RETIRED", "KEY_ENCRYPTION_KEY", kekId)));
    }

    private DataKeyStore.Rotation begin() {
        if (!running.compareAndSet(false, true)) {
            throw conflict("a key rotation is running; see GET /api/v1/protection/keys/rotation");
        }
        try {
            Optional<DataKeyStore.Rotation> last = store.latestRotation();
            if (last.isPresent() && !"DONE".equals(last.get().status())) {
                DataKeyStore.Rotation resumed = last.get();
                long total = resumed.rewrapped() + store.countNotUnder(resumed.targetKek());
                transactions.executeWithoutResult(tx -> {
                    store.restart(resumed.id(), total);
                    audit.record(AuditRecord.success(
                                    "KEY_ROTATION_RESUMED",
                                    "KEY_ROTATION",
                                    resumed.id().toString())
                            .withDetail("target " + resumed.targetKek() + ", " + resumed.rewrapped() + " of " + total
                                    + " data keys already re-wrapped"));
                });
                return store.latestRotation().orElseThrow();
            }
            String target;
            try {
                target = provider.newKek();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the key provider cannot create a new KEK: " + e.getMessage(), e);
            }
            UUID id = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long total = store.countNotUnder(target);
            transactions.executeWithoutResult(tx -> {
                var entry = audit.record(AuditRecord.success("KEY_ROTATION_STARTED", "KEY_ROTATION", id.toString())
                        .withDetail("new key-encryption key " + target + ", " + total + " data keys to re-wrap"));
                store.insertRotation(
                        new DataKeyStore.Rotation(id, target, entry.actor(), now, null, 0, total, "RUNNING", null));
            });
            log.info("Key rotation {} started: {} data keys to re-wrap under {}", id, total, target);
            return store.latestRotation().orElseThrow();
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private void work(DataKeyStore.Rotation rotation) {
        String target = rotation.targetKek();
        long done = rotation.rewrapped();
        try {
            String after = "";
            while (true) {
                List<DataKeyStore.Row> rows = store.notUnder(target, after, batch);
                if (rows.isEmpty()) {
                    break;
                }
                long rewrapped = rewrap(rows, target);
                done += rewrapped;
                after = rows.getLast().scope();
                long progress = done;
                transactions.executeWithoutResult(tx -> store.progress(rotation.id(), progress));
            }
            long total = done;
            transactions.executeWithoutResult(tx -> {
                store.finish(rotation.id(), "DONE", total, null, clock.instant());
                audit.record(AuditRecord.success(
                                "KEY_ROTATION_FINISHED",
                                "KEY_ROTATION",
                                rotation.id().toString())
                        .withDetail(total + " data keys re-wrapped under " + target));
            });
            log.info("Key rotation {} finished: {} data keys re-wrapped under {}", rotation.id(), total, target);
        } catch (RuntimeException e) {
            long total = done;
            log.error("Key rotation {} stopped after {} data keys; start it again to resume", rotation.id(), total, e);
            transactions.executeWithoutResult(tx ->
                    store.finish(rotation.id(), "FAILED", total, String.valueOf(e.getMessage()), clock.instant()));
        } finally {
            running.set(false);
        }
    }

    private long rewrap(List<DataKeyStore.Row> rows, String target) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.execute(tx -> {
            long n = 0;
            for (DataKeyStore.Row row : rows) {
                String from = row.kekId();
                byte[] context = DataKeys.wrapContext(row.scope(), row.generation());
                byte[] rewrapped;
                try {
                    byte[] key = provider.unwrap(from, row.wrapped(), context);
                    rewrapped = provider.wrap(target, key, context);
                    java.util.Arrays.fill(key, (byte) 0);
                } catch (GeneralSecurityException e) {
                    throw ProtectionProblem.integrity(new Scope(row.scope()), "wrapped data key", e);
                }
                if (store.rewrap(row.scope(), from, target, rewrapped, now)) {
                    n++;
                }
            }
            return n;
        });
    }

    private static ErrorResponseException conflict(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        pd.setTitle("Key management conflict");
        return new ErrorResponseException(HttpStatus.CONFLICT, pd, null);
    }
}
