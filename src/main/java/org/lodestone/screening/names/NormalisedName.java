package org.lodestone.screening.names;

import java.util.List;

/**
 * A name after normalisation. A name can have several readings: a Chinese name has one per reading of its
 * polyphonic characters and one where its company words are translated to English; every reading is a list of
 * tokens, and a comparison takes the best-matching pair of readings.
 *
 * @param original the name as given
 * @param readings at least one reading; the first is the most likely
 */
public record NormalisedName(String original, List<List<NameToken>> readings) {

    public NormalisedName {
        readings = readings.stream().map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return readings.stream().allMatch(List::isEmpty);
    }
}
