package org.lodestone.bench.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.lodestone.screening.matching.ListedEntry;
import org.lodestone.screening.matching.Matching;
import org.lodestone.screening.matching.NameMatcher;
import org.lodestone.screening.matching.NameQuery;
import org.lodestone.screening.matching.PreparedEntry;
import org.lodestone.screening.matching.PreparedQuery;

/**
 * Scores the 826 labelled name pairs of {@code ../shared/data/screening/name-pairs.csv} with Lodestone's matcher and
 * prints precision, recall and F1 side by side with OpenSanctions' logic-v2 (its scores in
 * {@code name-pairs-logicv2-scores.csv}, threshold 0.70): overall, per schema, for the non-Latin pairs and for the two
 * halves of a deterministic split; then every failure, and the time of one prepared comparison.
 *
 * <p>{@code ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.screening.NamePairsEvaluation}
 */
public final class NamePairsEvaluation {

    /** One labelled pair with both scores ({@code peer} is NaN where logic-v2 did not score it). */
    public record Pair(String schema, String name1, String name2, boolean match, double score, double peer) {

        public boolean nonLatin() {
            return (name1 + name2).codePoints().anyMatch(c -> Character.isLetter(c) && c > 0x24F);
        }

        /** The deterministic half a pair belongs to (development was done looking at the even half). */
        public boolean even() {
            return ((name1 + "|" + name2).hashCode() & 1) == 0;
        }
    }

    private NamePairsEvaluation() {}

    public static Path dataDirectory() {
        Path p = Path.of("../shared/data/screening");
        return Files.isDirectory(p) ? p : Path.of("/work/shared/data/screening");
    }

    public static List<Pair> score(NameMatcher matcher) throws IOException {
        Path dir = dataDirectory();
        Map<String, Double> peer = new HashMap<>();
        for (List<String> row : csv(dir.resolve("name-pairs-logicv2-scores.csv"))) {
            // case_group,case_id,schema,name1,name2,is_match,quality,category,notes,score,...
            if (!row.get(9).isEmpty()) {
                peer.put(row.get(2) + "\u0000" + row.get(3) + "\u0000" + row.get(4), Double.parseDouble(row.get(9)));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (List<String> row : csv(dir.resolve("name-pairs.csv"))) {
            // case_group,schema,name1,name2,is_match,...
            String schema = row.get(1);
            double s = matcher.score(row.get(2), row.get(3), schema);
            Double p = peer.get(schema + "\u0000" + row.get(2) + "\u0000" + row.get(3));
            pairs.add(
                    new Pair(schema, row.get(2), row.get(3), row.get(4).equals("true"), s, p == null ? Double.NaN : p));
        }
        return pairs;
    }

    /** Precision, recall, F1 of the given scores at the threshold. */
    public static double[] prf(List<Pair> pairs, boolean peer, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Pair p : pairs) {
            double s = peer ? p.peer() : p.score();
            boolean predicted = s >= threshold;
            if (predicted && p.match()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (p.match()) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    public static void main(String[] args) throws IOException {
        NameMatcher matcher = Matching.standardMatcher();
        double threshold = matcher.threshold();
        List<Pair> all = score(matcher);
        List<Pair> scored = all.stream().filter(p -> !Double.isNaN(p.peer())).toList();

        Map<String, Predicate<Pair>> subsets = new LinkedHashMap<>();
        subsets.put("all", p -> true);
        for (String schema : List.of("Person", "Company", "Organization", "LegalEntity", "Vessel")) {
            subsets.put(schema, p -> p.schema().equals(schema));
        }
        subsets.put("non-Latin", Pair::nonLatin);
        subsets.put("even half", Pair::even);
        subsets.put("odd half", p -> !p.even());

        System.out.printf(
                Locale.ROOT,
                "Lodestone at %.2f on all %d pairs; both matchers on the %d pairs logic-v2 scored%n"
                        + "(Lodestone's name model is learned from these pairs, so its figures here are in-sample; the"
                        + " out-of-fold figures come from NameModelTraining)%n%n",
                threshold,
                all.size(),
                scored.size());
        System.out.printf(
                Locale.ROOT,
                "%-13s %5s | %-22s | %-22s | %-22s%n",
                "subset",
                "n",
                "Lodestone (all) P R F1",
                "Lodestone (812) P R F1",
                "logic-v2 (812) P R F1");
        for (var s : subsets.entrySet()) {
            List<Pair> a = all.stream().filter(s.getValue()).toList();
            List<Pair> b = scored.stream().filter(s.getValue()).toList();
            System.out.printf(
                    Locale.ROOT,
                    "%-13s %5d | %s | %s | %s%n",
                    s.getKey(),
                    a.size(),
                    fmt(prf(a, false, threshold)),
                    fmt(prf(b, false, threshold)),
                    fmt(prf(b, true, 0.70)));
        }
        System.out.println("\nFailures (label, Lodestone score, logic-v2 score, schema, name1 | name2):");
        for (Pair p : all) {
            boolean predicted = p.score() >= threshold;
            if (predicted != p.match()) {
                System.out.printf(
                        Locale.ROOT,
                        "%s %.3f %s %-12s %s | %s%n",
                        p.match() ? "FN" : "FP",
                        p.score(),
                        Double.isNaN(p.peer()) ? "  -  " : String.format(Locale.ROOT, "%.3f", p.peer()),
                        p.schema(),
                        p.name1(),
                        p.name2());
            }
        }
        timing(matcher, all);
    }

    private static void timing(NameMatcher matcher, List<Pair> pairs) {
        List<PreparedQuery> queries = new ArrayList<>();
        List<PreparedEntry> entries = new ArrayList<>();
        for (Pair p : pairs) {
            queries.add(matcher.prepare(new NameQuery(p.name1(), null, List.of(), p.schema())));
            entries.add(matcher.prepare(
                    new ListedEntry("pair", "pair", p.schema(), List.of(p.name2()), java.util.Set.of(), List.of())));
        }
        double sink = 0;
        // Warm-up, then the median of 7 timed rounds over every pair (features not read: an index reads them only
        // for the hits it returns), then the same with the features read.
        for (boolean explain : new boolean[] {false, true}) {
            double[] perCompare = new double[7];
            for (int round = -5; round < perCompare.length; round++) {
                long start = cpuTime();
                int n = 0;
                for (int rep = 0; rep < 20; rep++) {
                    for (int i = 0; i < queries.size(); i++) {
                        var c = matcher.compare(queries.get(i), entries.get(i));
                        sink += c.score() + (explain ? c.features().size() : 0);
                        n++;
                    }
                }
                if (round >= 0) {
                    perCompare[round] = (cpuTime() - start) / (double) n;
                }
            }
            java.util.Arrays.sort(perCompare);
            System.out.printf(
                    Locale.ROOT,
                    "%ncompare(prepared)%s: median %.0f ns CPU per pair (min %.0f, max %.0f; 7 rounds of %d)",
                    explain ? " + features read" : "",
                    perCompare[3],
                    perCompare[0],
                    perCompare[6],
                    20 * queries.size());
        }
        double[] perPrepare = new double[5];
        for (int round = -3; round < perPrepare.length; round++) {
            long start = cpuTime();
            for (Pair p : pairs) {
                sink += matcher.prepare(new NameQuery(p.name1(), null, List.of(), p.schema()))
                        .identifierKeys()
                        .size();
            }
            if (round >= 0) {
                perPrepare[round] = (cpuTime() - start) / 1000.0 / pairs.size();
            }
        }
        java.util.Arrays.sort(perPrepare);
        System.out.printf(
                Locale.ROOT,
                "%nprepare(query): median %.1f µs CPU per name (min %.1f)%n",
                perPrepare[2],
                perPrepare[0]);
        memory(matcher, pairs);
        System.out.println("(sink " + sink + ")");
    }

    /**
     * Rough heap bytes per prepared entry: 100,000 synthetic entries of two or three names each, built from the words
     * of the labelled names (so words repeat as in a real list), measured after a GC with and without preparation.
     */
    private static void memory(NameMatcher matcher, List<Pair> pairs) {
        List<String> words = new ArrayList<>();
        for (Pair p : pairs) {
            for (String w : p.name2().split("\\s+")) {
                if (!w.isBlank()) {
                    words.add(w);
                }
            }
        }
        java.util.Random random = new java.util.Random(42);
        int n = 100_000;
        List<ListedEntry> listed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            for (int k = 0, count = 2 + random.nextInt(2); k < count; k++) {
                StringBuilder b = new StringBuilder();
                for (int w = 0, len = 2 + random.nextInt(2); w < len; w++) {
                    b.append(w > 0 ? " " : "").append(words.get(random.nextInt(words.size())));
                }
                names.add(b.toString());
            }
            listed.add(new ListedEntry(
                    "bench", "e" + i, i % 3 == 0 ? "Company" : "Person", names, java.util.Set.of("CN"), List.of()));
        }
        long before = usedHeap();
        long start = cpuTime();
        List<PreparedEntry> prepared = new ArrayList<>(n);
        for (ListedEntry e : listed) {
            prepared.add(matcher.prepare(e));
        }
        long took = cpuTime() - start;
        long after = usedHeap();
        System.out.printf(
                Locale.ROOT,
                "prepare(entry): %.1f µs CPU per entry; about %d bytes per prepared entry beyond its ListedEntry (%d entries)%n",
                took / 1000.0 / n,
                (after - before) / n,
                prepared.size());
    }

    /**
     * CPU time of this thread: the machine the figures are taken on is shared, and wall-clock time would measure the
     * other processes' load.
     */
    private static long cpuTime() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    private static String fmt(double[] prf) {
        return String.format(Locale.ROOT, "%.3f  %.3f  %.3f   ", prf[0], prf[1], prf[2])
                .substring(0, 22);
    }

    /** A small RFC 4180 reader: quoted fields with commas and doubled quotes. */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String text = Files.readString(file);
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean header = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!header) {
                    rows.add(row);
                }
                header = false;
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            if (!header) {
                rows.add(row);
            }
        }
        return rows;
    }
}
