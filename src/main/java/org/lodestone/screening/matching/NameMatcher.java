package org.lodestone.screening.matching;

import org.lodestone.screening.names.NameNormaliser;

/** Scores a query against a list entry. Thread-safe. */
public interface NameMatcher {

    /** The default threshold: a score at or above it is a match that a reviewer must adjudicate. */
    double threshold();

    NameNormaliser normaliser();

    Comparison compare(NameQuery query, ListedEntry entry);

    /**
     * Normalises an entry once (at index build time) so that {@link #compare(PreparedQuery, PreparedEntry)} is cheap.
     */
    PreparedEntry prepare(ListedEntry entry);

    /** Normalises a query once, before it is compared with many candidates. */
    PreparedQuery prepare(NameQuery query);

    /** Scores a prepared query against a prepared entry; the same result as {@link #compare(NameQuery, ListedEntry)}. */
    Comparison compare(PreparedQuery query, PreparedEntry entry);

    /** Scores two bare names of the given schema against each other (the labelled-pairs benchmark uses this). */
    default double score(String name1, String name2, String schema) {
        return compare(
                        new NameQuery(name1, null, java.util.List.of(), schema),
                        new ListedEntry(
                                "pair",
                                "pair",
                                schema,
                                java.util.List.of(name2),
                                java.util.Set.of(),
                                java.util.List.of()))
                .score();
    }
}
