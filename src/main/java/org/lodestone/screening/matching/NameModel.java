package org.lodestone.screening.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A logistic regression over the explainable features of a name alignment (coverage of each side, unmatched
 * distinctive words, spelling distance, initials, numbers and legal forms that disagree…), its coefficients in the
 * project's table {@code screening/name-model.tsv}: the weights are learned from labelled pairs (see
 * {@code NameModelTraining} in src/bench), not set by hand, and every feature's contribution is reported with a hit.
 * Without coefficients the hand-set alignment score is used as is.
 */
final class NameModel {

    /** Feature names, in the order of the feature vector; the first is the intercept. */
    static final List<String> FEATURES = List.of(
            "intercept",
            "alignmentScore",
            "shortSideCoverage",
            "longSideCoverage",
            "unmatchedShortSideWords",
            "unmatchedLongSideWords",
            "conflictingWords",
            "spellingDistance",
            "worstTokenDistance",
            "initialsUsed",
            "numbersDisagree",
            "numberOnOneSide",
            "legalFormDiffers",
            "singleWordName",
            "person",
            "personSpellingDistance",
            "conflictingShortWords",
            "wordOrderCrossings",
            "personWordOrderCrossings",
            "unmatchedShortSideCommonWords",
            "conflictingCommonWords",
            "mostEditsInAWord",
            "personMostEditsInAWord",
            "acronymsUsed",
            "personAcronymsUsed",
            "patronymReversed",
            "unmatchedPatronymics",
            "genericShortName",
            "personInitialsOnly",
            "personGivenNameOnly");

    private final double @Nullable [] weights;

    NameModel(double @Nullable [] weights) {
        this.weights = weights;
    }

    private static volatile @Nullable NameModel shipped;

    /** The coefficients shipped in {@code screening/name-model.tsv}. */
    static NameModel shipped() {
        NameModel m = shipped;
        if (m == null) {
            m = new NameModel(load());
            shipped = m;
        }
        return m;
    }

    /** The hand-set alignment score alone (for training and comparison). */
    static NameModel none() {
        return new NameModel(null);
    }

    private static double @Nullable [] load() {
        try (InputStream in = NameModel.class.getResourceAsStream("/screening/name-model.tsv")) {
            if (in == null) {
                return null;
            }
            Map<String, Double> byName = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    byName.put(cols[0].strip(), Double.parseDouble(cols[1].strip()));
                }
            }
            double[] w = new double[FEATURES.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = byName.getOrDefault(FEATURES.get(i), 0.0);
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name similarity: the model's probability that the names are the same, or the alignment score. */
    double apply(double[] features, double alignmentScore) {
        double[] w = weights;
        if (w == null) {
            return alignmentScore;
        }
        if (alignmentScore <= 0) {
            return 0; // nothing aligned: no evidence at all
        }
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    static Map<String, Object> named(double[] features) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i < features.length; i++) {
            out.put(FEATURES.get(i), Math.round(features[i] * 10000) / 10000.0);
        }
        return out;
    }

    /** Each feature's contribution to the model's log-odds (non-zero ones only). */
    Map<String, Object> contributions(double[] features) {
        Map<String, Object> out = new LinkedHashMap<>();
        double[] w = weights;
        if (w != null) {
            for (int i = 0; i < features.length; i++) {
                double c = w[i] * features[i];
                if (c != 0) {
                    out.put(FEATURES.get(i), Math.round(c * 1000) / 1000.0);
                }
            }
        }
        return out;
    }
}
