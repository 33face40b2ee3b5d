package org.lodestone.screening.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.lists.ActiveEntries;
import org.lodestone.screening.lists.EntryDetails;
import org.lodestone.screening.matching.MatchHit;
import org.lodestone.screening.matching.Matching;
import org.lodestone.screening.matching.NameMatcher;
import org.lodestone.screening.matching.NameQuery;
import org.lodestone.screening.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The index in force, swapped atomically when a rebuild finishes; searches keep using the previous one meanwhile.
 * Until the first build has finished, a search waits for it (bounded), because screening a submitted application
 * against an empty index would wrongly clear it. {@link #rebuild} is called by one background thread only.
 */
@Component
public class LiveIndex {

    private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);

    /** How long a search waits for the very first index after start-up before it answers 503. */
    static final Duration FIRST_BUILD_WAIT = Duration.ofSeconds(120);

    private final NameMatcher matcher = Matching.standardMatcher();
    private final ObjectProvider<ActiveEntries> activeEntries;
    private final ObjectProvider<EntrySource> sources;
    private final CountDownLatch firstBuild = new CountDownLatch(1);
    private volatile @Nullable Snapshot current;
    private volatile boolean building;

    LiveIndex(ObjectProvider<ActiveEntries> activeEntries, ObjectProvider<EntrySource> sources) {
        this.activeEntries = activeEntries;
        this.sources = sources;
    }

    /** What an operator sees: how many entries the index holds, when it was built and whether a build runs now. */
    public record Status(int entries, @Nullable Instant builtAt, boolean building) {}

    private record Snapshot(ScreeningIndex index, Instant builtAt) {}

    public NameMatcher matcher() {
        return matcher;
    }

    /** The default threshold: a score at or above it is a match a reviewer must adjudicate. */
    public double threshold() {
        return matcher.threshold();
    }

    public Status status() {
        Snapshot s = current;
        return new Status(s == null ? 0 : s.index().size(), s == null ? null : s.builtAt(), building);
    }

    /** The best candidates, best first; waits for the first build after start-up (503 if it does not come). */
    public List<MatchHit> search(NameQuery query, int limit) {
        return ready().index().search(query, limit);
    }

    public int size() {
        return ready().index().size();
    }

    /** The entry as a reviewer needs it, from whichever source holds it; empty once it left its list. */
    public Optional<EntryDetails> details(String listCode, String entryId) {
        for (EntrySource source : allSources()) {
            Optional<EntryDetails> found = source.find(listCode, entryId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Builds a new index from every source and swaps it in. One caller at a time (the screening worker). */
    public Status rebuild() {
        building = true;
        try {
            long started = System.nanoTime();
            ScreeningIndex.Builder builder = Matching.indexBuilder(matcher);
            AtomicInteger count = new AtomicInteger();
            for (EntrySource source : allSources()) {
                source.forEach(e -> {
                    builder.add(e);
                    count.incrementAndGet();
                });
            }
            current = new Snapshot(builder.build(), Instant.now());
            firstBuild.countDown();
            log.info(
                    "Screening index built: {} entries in {} ms",
                    count.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            building = false;
        }
        return status();
    }

    /** True once an index is in force; waits up to {@code timeout} for the first one. */
    public boolean awaitReady(Duration timeout) {
        try {
            return firstBuild.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Snapshot ready() {
        Snapshot s = current;
        if (s == null && awaitReady(FIRST_BUILD_WAIT)) {
            s = current;
        }
        if (s == null) {
            throw ScreeningProblem.indexNotReady();
        }
        return s;
    }

    private List<EntrySource> allSources() {
        List<EntrySource> all = new ArrayList<>();
        ActiveEntries active = activeEntries.getIfAvailable();
        if (active != null) {
            all.add(new EntrySource() {
                @Override
                public void forEach(java.util.function.Consumer<org.lodestone.screening.matching.ListedEntry> sink) {
                    active.forEach(sink);
                }

                @Override
                public Optional<EntryDetails> find(String listCode, String entryId) {
                    return active.find(listCode, entryId);
                }
            });
        }
        sources.orderedStream().forEach(all::add);
        return all;
    }
}
