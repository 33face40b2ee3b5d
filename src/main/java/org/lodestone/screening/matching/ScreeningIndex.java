package org.lodestone.screening.matching;

import java.util.List;

/**
 * An immutable in-process index of list entries: finds the candidates for a query and scores them with the
 * {@link NameMatcher}. Thread-safe; a new list release builds a new index and swaps it in.
 */
public interface ScreeningIndex {

    /**
     * The best-scoring entries for the query, best first, at most {@code limit}, leaving out those far below the
     * threshold.
     */
    List<MatchHit> search(NameQuery query, int limit);

    int size();

    /** Builds an index; not thread-safe, used by one thread. */
    interface Builder {
        Builder add(ListedEntry entry);

        ScreeningIndex build();
    }
}
