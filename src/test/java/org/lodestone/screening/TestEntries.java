package org.lodestone.screening;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.lodestone.screening.hits.Rescreening;
import org.lodestone.screening.index.EntrySource;
import org.lodestone.screening.index.LiveIndex;
import org.lodestone.screening.lists.EntryDetails;
import org.lodestone.screening.lists.ListReleaseActivated;
import org.lodestone.screening.matching.ListedEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * List entries of the tests' own, merged into the live index of every test context (a component in the test sources,
 * picked up by component scanning, so the shared {@code @IntegrationTest} context stays one). Tests add entries whose
 * names only their own parties carry, activate, and remove them afterwards, so no other test's case is ever blocked.
 */
@Component
public class TestEntries implements EntrySource {

    private final Map<String, EntryDetails> entries = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final LiveIndex index;
    private final Rescreening rescreening;

    TestEntries(ApplicationEventPublisher events, LiveIndex index, Rescreening rescreening) {
        this.events = events;
        this.index = index;
        this.rescreening = rescreening;
    }

    /** A company entry named {@code names} (primary first) on list {@code listCode}; {@code revision} sets its fingerprint. */
    public void put(String listCode, String entryId, int revision, String... names) {
        ListedEntry e = new ListedEntry(listCode, entryId, "Company", List.of(names), Set.of(), List.of());
        entries.put(
                listCode + "/" + entryId,
                new EntryDetails(
                        e,
                        UUID.randomUUID(),
                        "fp-" + listCode + "-" + entryId + "-" + revision,
                        "Test programme",
                        "Test Act §1",
                        null,
                        null,
                        "https://example.org/" + entryId));
    }

    public void remove(String listCode, String entryId) {
        entries.remove(listCode + "/" + entryId);
    }

    /**
     * Re-screens as after an activation of {@code listCode} and waits until the index is rebuilt and every case
     * re-screened. Goes straight to the worker, not through {@link ListReleaseActivated}: the list module's own
     * listeners would not know these made-up releases.
     */
    public void activate(String listCode) {
        await(() -> rescreening.rescreenAll("test entries of " + listCode + " changed"));
    }

    /** The same through a published {@link ListReleaseActivated}, as the list import announces an activation. */
    public void activateByEvent(String listCode) {
        await(() -> events.publishEvent(
                new ListReleaseActivated(listCode, UUID.randomUUID(), null, 1, 0, 0, Instant.now())));
    }

    private void await(Runnable trigger) {
        Instant before = Instant.now();
        trigger.run();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Instant built = index.status().builtAt();
            if (!rescreening.busy() && built != null && !built.isBefore(before)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("re-screening did not finish within 60 s: " + rescreening.lastOutcome());
    }

    @Override
    public void forEach(Consumer<ListedEntry> sink) {
        entries.values().forEach(d -> sink.accept(d.entry()));
    }

    @Override
    public Optional<EntryDetails> find(String listCode, String entryId) {
        return Optional.ofNullable(entries.get(listCode + "/" + entryId));
    }
}
