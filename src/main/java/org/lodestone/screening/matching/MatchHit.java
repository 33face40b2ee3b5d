package org.lodestone.screening.matching;

/**
 * An entry the index found for a query, with its comparison.
 *
 * @param match whether the score reaches the matcher's threshold
 */
public record MatchHit(ListedEntry entry, Comparison comparison, boolean match) {

    public double score() {
        return comparison.score();
    }
}
