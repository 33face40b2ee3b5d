package org.lodestone.bench.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lodestone.screening.matching.Comparison;
import org.lodestone.screening.matching.ListedEntry;
import org.lodestone.screening.matching.Matching;
import org.lodestone.screening.matching.NameMatcher;
import org.lodestone.screening.matching.NameQuery;

/**
 * Learns the coefficients of the matcher's name model (a logistic regression over the explainable alignment
 * features the matcher reports as {@code nameFeatures}) from the labelled pairs, with L2 regularisation, and reports
 * the honest figure: 2-fold cross-validation on the deterministic even/odd halves (train on one half, evaluate on the
 * other at the matcher's threshold 0.70). With {@code --write} it then trains on all pairs and writes
 * {@code src/main/resources/screening/name-model.tsv}.
 *
 * <p>{@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.screening.NameModelTraining
 * -Dbench.args=--write}
 */
public final class NameModelTraining {

    static final double THRESHOLD = 0.70;
    static final double L2 = Double.parseDouble(System.getProperty("l2", "0.5"));
    /**
     * Features whose weight may not be positive: more misspelling never makes two names more likely the same. Fitted
     * freely, the spelling distances took positive weights (they are collinear with the alignment score), so a name
     * with two misspelt words could outscore the one with a single misspelling (Jaqal Sami → Jamal Rami over Jamal
     * Sami); the constraint keeps the model monotone in them.
     */
    static final Set<String> NON_POSITIVE = Set.of(System.getProperty(
                    "nonPositive",
                    "spellingDistance,personSpellingDistance,worstTokenDistance,mostEditsInAWord,personMostEditsInAWord")
            .split(","));
    /** Names of the features, in the order of the vectors, set once the first pair is scored. */
    static List<String> featureNames = List.of();

    record Example(double[] x, boolean match, boolean even, String text) {}

    private NameModelTraining() {}

    public static void main(String[] args) throws IOException {
        NameMatcher matcher = Matching.standardMatcher();
        List<String> names = new ArrayList<>();
        List<Example> examples = new ArrayList<>();
        for (List<String> row :
                NamePairsEvaluation.csv(NamePairsEvaluation.dataDirectory().resolve("name-pairs.csv"))) {
            String schema = row.get(1);
            Comparison c = matcher.compare(
                    new NameQuery(row.get(2), null, List.of(), schema),
                    new ListedEntry("pair", "pair", schema, List.of(row.get(3)), java.util.Set.of(), List.of()));
            boolean even = ((row.get(2) + "|" + row.get(3)).hashCode() & 1) == 0;
            double[] x = null;
            if (c.features().get("nameFeatures") instanceof Map<?, ?> nf) {
                if (names.isEmpty()) {
                    names.add("intercept");
                    nf.keySet().forEach(k -> names.add((String) k));
                }
                x = new double[nf.size() + 1];
                x[0] = 1;
                int i = 1;
                for (Object v : nf.values()) {
                    x[i++] = ((Number) v).doubleValue();
                }
            }
            examples.add(
                    new Example(x, row.get(4).equals("true"), even, schema + " " + row.get(2) + " | " + row.get(3)));
        }
        featureNames = List.copyOf(names);
        List<Example> evenHalf = examples.stream().filter(Example::even).toList();
        List<Example> oddHalf = examples.stream().filter(e -> !e.even()).toList();
        double[] wEven = train(evenHalf, names.size());
        double[] wOdd = train(oddHalf, names.size());
        int[] pooled = new int[3];
        double[] oddF1 = evaluate(oddHalf, wEven, pooled);
        double[] evenF1 = evaluate(evenHalf, wOdd, pooled);
        System.out.printf(
                Locale.ROOT,
                "out-of-fold: trained on even, odd half  P %.3f R %.3f F1 %.3f%n",
                oddF1[0],
                oddF1[1],
                oddF1[2]);
        System.out.printf(
                Locale.ROOT,
                "out-of-fold: trained on odd, even half  P %.3f R %.3f F1 %.3f%n",
                evenF1[0],
                evenF1[1],
                evenF1[2]);
        double[] all = prf(pooled);
        System.out.printf(
                Locale.ROOT, "out-of-fold: both halves pooled         P %.3f R %.3f F1 %.3f%n", all[0], all[1], all[2]);
        // The pooled out-of-fold predictions by subset: each pair scored by the model trained on the other half.
        for (String subset : List.of("Person", "Company", "Organization", "LegalEntity", "Vessel", "non-Latin")) {
            int[] c = new int[3];
            int n = 0;
            for (Example e : examples) {
                boolean in = subset.equals("non-Latin")
                        ? e.text().codePoints().anyMatch(cp -> Character.isLetter(cp) && cp > 0x24F)
                        : e.text().startsWith(subset + " ");
                if (in) {
                    n++;
                    evaluate(List.of(e), e.even() ? wOdd : wEven, c);
                }
            }
            double[] r = prf(c);
            System.out.printf(
                    Locale.ROOT, "out-of-fold %-13s %4d pairs   P %.3f R %.3f F1 %.3f%n", subset, n, r[0], r[1], r[2]);
        }
        if (List.of(args).contains("--errors")) {
            // The pooled out-of-fold errors, each pair scored by the model trained on the other half.
            for (Example e : examples) {
                double p = e.x() == null ? 0 : probability(e.even() ? wOdd : wEven, e.x());
                if ((p >= THRESHOLD) != e.match()) {
                    System.out.printf(Locale.ROOT, "%s %.3f  %s%n", e.match() ? "FN" : "FP", p, e.text());
                }
            }
        }
        int dump = List.of(args).indexOf("--dump");
        if (dump >= 0) {
            // Every pair's features, for analysis outside: fold, label, text, then the feature vector.
            StringBuilder out = new StringBuilder("even\tmatch\ttext\t" + String.join("\t", names) + "\n");
            for (Example e : examples) {
                out.append(e.even()).append('\t').append(e.match()).append('\t').append(e.text());
                if (e.x() != null) {
                    for (double v : e.x()) {
                        out.append('\t').append(v);
                    }
                }
                out.append('\n');
            }
            Files.writeString(Path.of(args[dump + 1]), out);
        }
        double[] w = train(examples, names.size());
        double[] in = evaluate(examples, w, new int[3]);
        System.out.printf(
                Locale.ROOT, "in-sample (trained on all pairs)        P %.3f R %.3f F1 %.3f%n", in[0], in[1], in[2]);
        StringBuilder table = new StringBuilder(
                "# Coefficients of the matcher's name model (logistic regression over the alignment features), learned by\n"
                        + "# NameModelTraining (src/bench) from the labelled pairs with L2 regularisation; the intercept is shifted so\n"
                        + "# that the matcher's threshold 0.70 is the F1-optimal cut on the training pairs. Format: feature<TAB>weight.\n");
        for (int i = 0; i < w.length; i++) {
            table.append(names.get(i))
                    .append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", w[i]))
                    .append('\n');
        }
        System.out.print(table);
        if (List.of(args).contains("--write")) {
            Files.writeString(Path.of("src/main/resources/screening/name-model.tsv"), table);
            System.out.println("written src/main/resources/screening/name-model.tsv");
        }
    }

    static double[] evaluate(List<Example> examples, double[] w, int[] counts) {
        int[] c = new int[3];
        for (Example e : examples) {
            boolean predicted = e.x() != null && probability(w, e.x()) >= THRESHOLD;
            int k = predicted && e.match() ? 0 : predicted ? 1 : e.match() ? 2 : -1;
            if (k >= 0) {
                c[k]++;
                counts[k]++;
            }
        }
        return prf(c);
    }

    static double[] prf(int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    static double probability(double[] w, double[] x) {
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Newton's method on the L2-regularised log-loss, with the {@link #NON_POSITIVE} weights held at zero wherever the
     * unconstrained fit would make them positive (an active set: fit, pin the violators, fit again), then the intercept
     * shifted to put the best cut at 0.70.
     */
    static double[] train(List<Example> examples, int d) {
        boolean[] pinned = new boolean[d];
        while (true) {
            double[] w = fit(examples, d, pinned);
            boolean changed = false;
            for (int i = 1; i < d && i < featureNames.size(); i++) {
                if (!pinned[i] && w[i] > 0 && NON_POSITIVE.contains(featureNames.get(i))) {
                    pinned[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                return cut(examples, w);
            }
        }
    }

    private static double[] fit(List<Example> examples, int d, boolean[] pinned) {
        List<Example> usable = examples.stream().filter(e -> e.x() != null).toList();
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (Example e : usable) {
                double p = probability(w, e.x());
                double y = e.match() ? 1 : 0;
                for (int i = 0; i < d; i++) {
                    g[i] += (p - y) * e.x()[i];
                    for (int j = 0; j < d; j++) {
                        h[i][j] += p * (1 - p) * e.x()[i] * e.x()[j];
                    }
                }
            }
            for (int i = 1; i < d; i++) {
                g[i] += L2 * w[i];
                h[i][i] += L2;
            }
            h[0][0] += 1e-6;
            for (int i = 0; i < d; i++) {
                if (pinned[i]) {
                    // a pinned weight stays at zero: its row of the system says so, its column moves nothing
                    for (int j = 0; j < d; j++) {
                        h[i][j] = 0;
                        h[j][i] = 0;
                    }
                    h[i][i] = 1;
                    g[i] = 0;
                }
            }
            double[] step = solve(h, g);
            double norm = 0;
            for (int i = 0; i < d; i++) {
                w[i] -= step[i];
                norm += step[i] * step[i];
            }
            if (norm < 1e-12) {
                break;
            }
        }
        return w;
    }

    private static double[] cut(List<Example> examples, double[] w) {
        // The F1-optimal cut on the training pairs, moved to the threshold.
        double bestF1 = -1;
        double bestCut = 0.5;
        for (double cut = 0.05; cut < 0.96; cut += 0.01) {
            int[] c = new int[3];
            for (Example e : examples) {
                boolean predicted = e.x() != null && probability(w, e.x()) >= cut;
                int k = predicted && e.match() ? 0 : predicted ? 1 : e.match() ? 2 : -1;
                if (k >= 0) {
                    c[k]++;
                }
            }
            double f1 = prf(c)[2];
            if (f1 > bestF1) {
                bestF1 = f1;
                bestCut = cut;
            }
        }
        w[0] += logit(THRESHOLD) - logit(bestCut);
        return w;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
