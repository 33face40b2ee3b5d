package org.lodestone.screening.hits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ScreenableParties;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.screening.hits.store.HitStore;
import org.lodestone.screening.index.LiveIndex;
import org.lodestone.screening.lists.ListReleaseActivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the index and re-screens every open application and live licence after a list release was activated, in
 * the background on one thread. Durable: the run is requested in the activating transaction ({@code sc_screening_run}),
 * and each batch commits its screenings together with the run's cursor, so a restart (which always rebuilds the index
 * first) resumes an unfinished run where its last batch ended. Several activations in a row coalesce into the newest
 * run: it screens against an index that holds all of them.
 */
@Component
public class Rescreening implements DisposableBean, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);

    static final int BATCH = 50;

    private final LiveIndex index;
    private final ScreenableParties parties;
    private final Screener screener;
    private final HitStore store;
    private final TransactionTemplate tx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "screening-worker");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile int activeRuns;
    private volatile @Nullable String lastOutcome;

    Rescreening(
            LiveIndex index,
            ScreenableParties parties,
            Screener screener,
            HitStore store,
            PlatformTransactionManager transactions) {
        this.index = index;
        this.parties = parties;
        this.screener = screener;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
    }

    /** In the activating transaction: the request to re-screen commits (or rolls back) with the activation. */
    @EventListener
    void request(ListReleaseActivated event) {
        store.requestRun(
                "release " + event.release() + " of " + event.listCode() + " activated (+" + event.added() + " ~"
                        + event.changed() + " -" + event.removed() + ")",
                Instant.now());
    }

    /** After the activation committed (or straight away when it was published outside a transaction). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void start(ListReleaseActivated event) {
        kick();
    }

    /**
     * As soon as every bean exists (the database is migrated), before start-up work such as demo data submits
     * applications that wait for the index: build the first index, then resume any unfinished run.
     */
    @Override
    public void afterSingletonsInstantiated() {
        kick();
    }

    /**
     * Rebuilds the index and re-screens every open case now, as after an activation (for operators, and for tests
     * whose list entries come from another source than a list release).
     */
    public void rescreenAll(String reason) {
        tx.executeWithoutResult(s -> store.requestRun(reason, Instant.now()));
        kick();
    }

    /** Whether the worker has queued or running work: an operator's (and a test's) view of progress. */
    public boolean busy() {
        return pending.get() || index.status().building() || activeRuns > 0;
    }

    public @Nullable String lastOutcome() {
        return lastOutcome;
    }

    /** Asks the worker to rebuild the index and work off the runs; requests while one is queued coalesce. */
    public void kick() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::work);
        }
    }

    private void work() {
        activeRuns = 1; // before clearing pending, so busy() never reads false in between
        pending.set(false);
        try {
            index.rebuild();
            Integer left;
            do {
                runOnce();
                left = tx.execute(s -> store.unfinishedRuns());
            } while (left != null && left > 0 && !pending.get());
        } catch (RuntimeException e) {
            lastOutcome = "failed: " + e;
            log.error("Re-screening failed; it resumes at the next start or list activation", e);
        } finally {
            activeRuns = 0;
        }
    }

    private void runOnce() {
        HitStore.Run first = tx.execute(s -> store.nextRun(Instant.now()).orElse(null));
        if (first == null) {
            return;
        }
        Progress at = new Progress(first.phase(), first.cursor(), first.screened(), first.hitsOpened());
        while (!"DONE".equals(at.phase())) {
            if (pending.get()) {
                return; // a newer activation: rebuild first, then the newest run continues
            }
            Progress from = at;
            // One transaction per batch: its screenings and the run's new cursor commit together.
            at = tx.execute(s -> {
                List<ScreeningSubject> subjects = "APPLICATIONS".equals(from.phase())
                        ? parties.openApplications(from.cursor(), BATCH)
                        : parties.liveLicences(from.cursor(), BATCH);
                int opened = 0;
                for (ScreeningSubject subject : subjects) {
                    opened += screener.screen(subject).opened();
                }
                Progress next = subjects.size() < BATCH
                        ? new Progress(
                                "APPLICATIONS".equals(from.phase()) ? "LICENCES" : "DONE",
                                null,
                                from.screened() + subjects.size(),
                                from.opened() + opened)
                        : new Progress(
                                from.phase(),
                                subjects.getLast().id(),
                                from.screened() + subjects.size(),
                                from.opened() + opened);
                store.advance(first.id(), next.phase(), next.cursor(), next.screened(), next.opened());
                return next;
            });
        }
        String outcome = at.screened() + " subjects screened, " + at.opened() + " hits opened (" + first.reason() + ")";
        tx.executeWithoutResult(s -> store.finish(first.id(), Instant.now(), outcome));
        lastOutcome = outcome;
        log.info("Re-screening run {} finished: {}", first.id(), outcome);
    }

    private record Progress(String phase, @Nullable UUID cursor, int screened, int opened) {}

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
