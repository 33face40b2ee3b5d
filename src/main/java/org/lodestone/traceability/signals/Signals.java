package org.lodestone.traceability.signals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The signals raised so far. {@link #raise} runs in the caller's transaction (a projection's, so the signal commits
 * with the events that caused it) and is idempotent per kind and key; these calls trust their caller, need-to-know is
 * the adapters' job.
 */
public interface Signals {

    /** Raises the signal, or adds the new evidence (not already listed) to the existing one of the same kind and key. */
    Signal raise(NewSignal signal);

    Optional<Signal> find(UUID id);

    /**
     * Signals newest first.
     *
     * @param regionPrefix only signals whose region starts with it (an authority's jurisdiction), null for all
     */
    List<Signal> list(
            @Nullable SignalKind kind, Signal.@Nullable State state, @Nullable String regionPrefix, int limit);

    /** Open, confirmed and dismissed signals per kind, within a region prefix (null for all). */
    Map<SignalKind, Long> counts(Signal.@Nullable State state, @Nullable String regionPrefix);

    /**
     * Records an analyst's decision (CONFIRMED or DISMISSED) with its reason, if the signal is still at
     * {@code expectedVersion}; audited in the same transaction.
     *
     * @return false when the signal changed meanwhile (another decision, new evidence) or does not exist
     */
    boolean decide(UUID id, Signal.State state, String reason, long expectedVersion, String decidedBy);

    /** The decisions taken on a signal, oldest first. */
    List<Decision> decisions(UUID id);

    /** An analyst's decision on a signal. */
    record Decision(Signal.State state, String reason, String decidedBy, Instant decidedAt) {}
}
