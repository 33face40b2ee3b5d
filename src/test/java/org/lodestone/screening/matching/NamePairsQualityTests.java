package org.lodestone.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Regression guard on the labelled name pairs (see NamePairsEvaluation in src/bench for the full table). */
class NamePairsQualityTests {

    /**
     * The F1 of the shipped name model at the time of writing (0.933, in-sample: its coefficients are learned from
     * these pairs; the out-of-fold figure of NameModelTraining is 0.907), less a small margin.
     */
    private static final double MIN_F1 = 0.925;

    @Test
    void f1OnTheLabelledPairsDoesNotRegress() throws Exception {
        Path dir = Path.of("../shared/data/screening");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("/work/shared/data/screening");
        }
        List<String> lines = Files.readAllLines(dir.resolve("name-pairs.csv"));
        NameMatcher matcher = Matching.standardMatcher();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            boolean label = f.get(4).equals("true");
            boolean predicted = matcher.score(f.get(2), f.get(3), f.get(1)) >= matcher.threshold();
            if (predicted && label) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (label) {
                fn++;
            }
        }
        double precision = (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        assertThat(lines).hasSizeGreaterThan(800);
        assertThat(f1).isGreaterThanOrEqualTo(MIN_F1);
    }

    private static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
