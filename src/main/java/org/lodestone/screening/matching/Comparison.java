package org.lodestone.screening.matching;

import java.util.Map;

/**
 * The score of one query against one entry, with the features that produced it, so a reviewer sees why.
 *
 * @param matchedName the entry's name (primary or alias) that scored best
 * @param score in [0, 1]
 * @param features named feature values (e.g. {@code nameSimilarity}, {@code countryAgreement},
 *     {@code identifierMatch}, {@code matchedTokens}); values are numbers, booleans or strings
 */
public record Comparison(String matchedName, double score, Map<String, Object> features) {

    public Comparison {
        // Features is already immutable (and computed lazily); anything else is copied.
        features = features instanceof Features ? features : Map.copyOf(features);
    }
}
