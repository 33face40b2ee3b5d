package org.lodestone.bench.screening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.lodestone.bench.screening.SyntheticLists.Entity;
import org.lodestone.bench.screening.SyntheticLists.LabelledQuery;
import org.lodestone.screening.matching.ListedEntry;
import org.lodestone.screening.matching.Matching;
import org.lodestone.screening.matching.NameMatcher;
import org.lodestone.screening.matching.NameQuery;
import org.lodestone.screening.matching.ScreeningIndex;
import org.lodestone.screening.matching.TokenIndex;

/**
 * Issue 4's scale run: Lodestone's candidate index and matcher against a plain Lucene {@code FuzzyQuery} baseline on
 * the same seeded synthetic list and labelled queries, in one run. Prints build time, heap, single-thread latency,
 * two-thread throughput, recall and precision for both, and the ratios.
 *
 * <p>Args: entity count (1000000), query count (2000), seed (42), and optionally {@code channels} to also compare
 * the typo channels of the index by candidate recall and latency.
 *
 * <pre>
 * ./mvnw -q -B -Pbench test-compile exec:exec -Dbench.main=org.lodestone.bench.screening.ScreeningScaleBenchmark \
 *     -Dbench.args="1000000 2000 42" -Dbench.jvmArgs=-Xmx6g
 * </pre>
 */
public final class ScreeningScaleBenchmark {

    private static final int LIMIT = 10;
    private static final int THREADS = 2;

    private ScreeningScaleBenchmark() {}

    /** What one system reports for a query: its best hits, best first. */
    interface System {
        List<Hit> search(NameQuery query);
    }

    record Hit(String entryId, double score, boolean match) {}

    record Figures(
            String name,
            double buildSeconds,
            double heapMb,
            double p50Ms,
            double p99Ms,
            double maxMs,
            double cpuP50Ms,
            double cpuP99Ms,
            double throughput,
            double recall,
            double precision,
            double alertPrecision,
            int trueVariants,
            int negatives) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int q = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        boolean channels = args.length > 3 && args[3].equals("channels");
        // "quick": Lodestone only, no baseline, for iterating on the index.
        boolean quick = args.length > 3 && args[3].equals("quick");
        out(
                "Screening scale benchmark: %d entities, %d queries, seed %d, %d cores, max heap %d MB%n",
                n,
                q,
                seed,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        long t = java.lang.System.nanoTime();
        List<Entity> entities = SyntheticLists.entities(n, seed);
        List<LabelledQuery> queries = SyntheticLists.queries(entities, q, seed + 1);
        List<LabelledQuery> calibration = SyntheticLists.queries(entities, q, seed + 2);
        out(
                "generated in %.1f s; %d queries (%d true variants), %d calibration queries%n",
                seconds(t),
                queries.size(),
                queries.stream().filter(x -> x.expectedEntryId() != null).count(),
                calibration.size());
        List<ListedEntry> entries = entities.stream().map(Entity::entry).toList();
        entries.forEach(e -> BY_ID.put(e.entryId(), e));
        entities = null;

        NameMatcher matcher = Matching.standardMatcher();
        long heap0 = usedHeap();
        t = java.lang.System.nanoTime();
        // An optional fifth argument overrides the postings budget, to try on a small list what a large one would do,
        // and a sixth the number of candidates scored.
        ScreeningIndex.Builder builder = args.length > 4
                ? TokenIndex.builder(
                        matcher,
                        TokenIndex.Options.DEFAULT
                                .withPostingsBudget(Integer.parseInt(args[4]))
                                .withCandidates(
                                        args.length > 5
                                                ? Integer.parseInt(args[5])
                                                : TokenIndex.Options.DEFAULT.candidates()))
                : Matching.indexBuilder(matcher);
        entries.forEach(builder::add);
        ScreeningIndex index = builder.build();
        double lodestoneBuild = seconds(t);
        double lodestoneHeap = (usedHeap() - heap0) / 1048576.0;
        if (index instanceof TokenIndex ti) {
            out("Lodestone index: %s%n", ti.describe());
        }
        System lodestone = query -> index.search(query, LIMIT).stream()
                .map(h -> new Hit(h.entry().entryId(), h.score(), h.match()))
                .toList();
        Figures lf = measure("Lodestone", lodestone, queries, lodestoneBuild, lodestoneHeap);
        misses(lodestone, queries, index);
        slowest(matcher, index, queries);

        if (channels) {
            compareChannels(matcher, entries, queries);
        }
        if (quick) {
            out(
                    "Lodestone build %.1f s heap %.0f MB p50 %.2f p99 %.2f max %.2f ms, cpu p50 %.2f p99 %.2f ms,"
                            + " %.0f q/s (2t), recall %.3f precision %.3f alertPr %.3f%n",
                    lf.buildSeconds(),
                    lf.heapMb(),
                    lf.p50Ms(),
                    lf.p99Ms(),
                    lf.maxMs(),
                    lf.cpuP50Ms(),
                    lf.cpuP99Ms(),
                    lf.throughput(),
                    lf.recall(),
                    lf.precision(),
                    lf.alertPrecision());
            return;
        }

        long heap1 = usedHeap();
        t = java.lang.System.nanoTime();
        LuceneBaseline lucene = new LuceneBaseline(entries);
        double luceneBuild = seconds(t);
        double luceneHeap = (usedHeap() - heap1) / 1048576.0;
        double threshold = lucene.calibrate(calibration);
        Figures bf = measure("Lucene FuzzyQuery", lucene, queries, luceneBuild, luceneHeap);

        out(
                "%n%-20s %9s %9s %8s %8s %8s %9s %9s %10s %8s %9s %8s%n",
                "system",
                "build s",
                "heap MB",
                "p50 ms",
                "p99 ms",
                "max ms",
                "cpu p50",
                "cpu p99",
                "q/s (2t)",
                "recall",
                "precision",
                "alertPr");
        for (Figures f : List.of(lf, bf)) {
            out(
                    "%-20s %9.1f %9.0f %8.2f %8.2f %8.2f %9.2f %9.2f %10.0f %8.3f %9.3f %8.3f%n",
                    f.name(),
                    f.buildSeconds(),
                    f.heapMb(),
                    f.p50Ms(),
                    f.p99Ms(),
                    f.maxMs(),
                    f.cpuP50Ms(),
                    f.cpuP99Ms(),
                    f.throughput(),
                    f.recall(),
                    f.precision(),
                    f.alertPrecision());
        }
        out(
                "%-20s %9.2f %9.2f %8.2f %8.2f %8.2f %9.2f %9.2f %10.2f %8.2f %9.2f %8.2f%n",
                "ratio Lodestone/Luc",
                lf.buildSeconds() / bf.buildSeconds(),
                lf.heapMb() / bf.heapMb(),
                lf.p50Ms() / bf.p50Ms(),
                lf.p99Ms() / bf.p99Ms(),
                lf.maxMs() / bf.maxMs(),
                lf.cpuP50Ms() / bf.cpuP50Ms(),
                lf.cpuP99Ms() / bf.cpuP99Ms(),
                lf.throughput() / bf.throughput(),
                lf.recall() / bf.recall(),
                lf.precision() / bf.precision(),
                lf.alertPrecision() / bf.alertPrecision());
        out(
                "Lodestone threshold %.2f (matcher default); Lucene threshold %.3f (max F1 on %d calibration queries, seed %d)%n",
                matcher.threshold(), threshold, calibration.size(), seed + 2);
        out("recall: true variants whose expected entry is reported as a match (score >= threshold) ranked first;"
                + " precision: top-1 precision, queries whose first hit is a match and the expected entry, among all"
                + " queries whose first hit is a match (hard negatives included); alertPr: alert precision, matches"
                + " that are the expected entry among all hits >= threshold (Lucene reports its top hit only)%n");
        out("p50/p99/max: wall clock per query on one thread; cpu p50/p99: that thread's CPU time (the machine is"
                + " shared, so wall clock includes waiting for a core)%n");
        out("reference: OpenSanctions matching API ~4 requests/s per vCPU with its default matcher%n");
    }

    static Figures measure(String name, System system, List<LabelledQuery> queries, double build, double heap)
            throws Exception {
        for (LabelledQuery lq : queries) {
            system.search(lq.query()); // warm-up
        }
        long[] nanos = new long[queries.size()];
        long[] cpu = new long[queries.size()];
        var threads = ManagementFactory.getThreadMXBean();
        int variants = 0;
        int negatives = 0;
        int found = 0;
        int reported = 0;
        int correct = 0;
        int alerts = 0;
        int correctAlerts = 0;
        for (int i = 0; i < queries.size(); i++) {
            LabelledQuery lq = queries.get(i);
            long c = threads.getCurrentThreadCpuTime();
            long t = java.lang.System.nanoTime();
            List<Hit> hits = system.search(lq.query());
            nanos[i] = java.lang.System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
            boolean isVariant = lq.expectedEntryId() != null;
            if (isVariant) {
                variants++;
            } else {
                negatives++;
            }
            boolean topCorrect = topIsExpected(hits, lq.expectedEntryId());
            if (!hits.isEmpty() && hits.getFirst().match()) {
                reported++;
                if (topCorrect) {
                    correct++;
                }
            }
            if (isVariant && topCorrect && hits.getFirst().match()) {
                found++;
            }
            for (Hit h : hits) {
                if (h.match()) {
                    alerts++;
                    if (h.entryId().equals(lq.expectedEntryId())) {
                        correctAlerts++;
                    }
                }
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double throughput = throughput(system, queries);
        return new Figures(
                name,
                build,
                heap,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6,
                nanos[nanos.length - 1] / 1e6,
                cpu[cpu.length / 2] / 1e6,
                cpu[(int) Math.min(cpu.length - 1, Math.ceil(cpu.length * 0.99) - 1)] / 1e6,
                throughput,
                (double) found / Math.max(1, variants),
                reported == 0 ? 1 : (double) correct / reported,
                alerts == 0 ? 1 : (double) correctAlerts / alerts,
                variants,
                negatives);
    }

    /** Whether the expected entry is the top hit, or tied with it (duplicate names in the list). */
    static boolean topIsExpected(List<Hit> hits, String expected) {
        if (expected == null || hits.isEmpty()) {
            return false;
        }
        double top = hits.getFirst().score();
        for (Hit h : hits) {
            if (h.score() < top) {
                return false;
            }
            if (h.entryId().equals(expected)) {
                return true;
            }
        }
        return false;
    }

    static double throughput(System system, List<LabelledQuery> queries) throws Exception {
        int rounds = 2;
        AtomicInteger next = new AtomicInteger();
        int total = queries.size() * rounds;
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            long t = java.lang.System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    for (int k; (k = next.getAndIncrement()) < total; ) {
                        system.search(queries.get(k % queries.size()).query());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return total / seconds(t);
        }
    }

    /** Prints the failures by variant, with examples of each kind, for whoever tunes what. */
    static void misses(System system, List<LabelledQuery> queries, ScreeningIndex index) {
        java.util.Map<String, int[]> byVariant = new java.util.TreeMap<>();
        java.util.Map<String, List<String>> examples = new java.util.TreeMap<>();
        for (LabelledQuery lq : queries) {
            int[] c = byVariant.computeIfAbsent(lq.variant(), k -> new int[4]);
            c[0]++;
            List<Hit> hits = system.search(lq.query());
            boolean reported = !hits.isEmpty() && hits.getFirst().match();
            String kind;
            if (lq.expectedEntryId() == null) {
                if (!reported) {
                    continue;
                }
                c[1]++;
                kind = "false match";
            } else {
                if (reported && topIsExpected(hits, lq.expectedEntryId())) {
                    continue;
                }
                c[1]++;
                boolean candidate = index instanceof TokenIndex ti
                        && ti.candidates(lq.query()).stream()
                                .anyMatch(e -> e.entryId().equals(lq.expectedEntryId()));
                if (!candidate) {
                    c[2]++;
                }
                Hit expected = hits.stream()
                        .filter(h -> h.entryId().equals(lq.expectedEntryId()))
                        .findFirst()
                        .orElse(null);
                kind = candidate ? "scoring miss" : "candidate miss";
                kind += " (expected " + lq.expectedEntryId() + " " + entryNames(index, lq.expectedEntryId())
                        + (expected == null ? " not in hits" : " scored " + fmt(expected.score())) + ")";
            }
            List<String> list = examples.computeIfAbsent(
                    kind.startsWith("false") ? "false match" : kind.substring(0, kind.indexOf(" (")),
                    k -> new ArrayList<>());
            if (list.size() < 25) {
                list.add(lq.variant() + ": '" + lq.query().name() + "' -> "
                        + (hits.isEmpty()
                                ? "no hits"
                                : hits.getFirst().entryId() + " "
                                        + entryNames(index, hits.getFirst().entryId()) + " "
                                        + fmt(hits.getFirst().score()))
                        + (kind.startsWith("false") ? "" : " " + kind.substring(kind.indexOf(" ("))));
            }
        }
        out("%nby variant: queries, failures (misses or false matches), of which not among candidates%n");
        byVariant.forEach((v, c) -> out("  %-26s %5d %5d %5d%n", v, c[0], c[1], c[2]));
        examples.forEach((k, list) -> {
            out("%s:%n", k);
            list.forEach(e -> out("  %s%n", e));
        });
    }

    private static final java.util.Map<String, ListedEntry> BY_ID = new java.util.concurrent.ConcurrentHashMap<>();

    private static String entryNames(ScreeningIndex index, String id) {
        ListedEntry e = BY_ID.get(id);
        return e == null ? "" : e.names().toString();
    }

    private static String fmt(double score) {
        return String.format(Locale.ROOT, "%.3f", score);
    }

    /** Where the time of the slowest queries goes: normalising the query, finding candidates, scoring them. */
    static void slowest(NameMatcher matcher, ScreeningIndex index, List<LabelledQuery> queries) {
        if (!(index instanceof TokenIndex ti)) {
            return;
        }
        record Timing(String name, double prepare, double candidates, double total, int count) {}
        List<Timing> timings = new ArrayList<>();
        for (LabelledQuery lq : queries) {
            long t0 = java.lang.System.nanoTime();
            var prepared = matcher.prepare(lq.query());
            long t1 = java.lang.System.nanoTime();
            int count = ti.candidates(prepared).size();
            long t2 = java.lang.System.nanoTime();
            index.search(lq.query(), LIMIT);
            long t3 = java.lang.System.nanoTime();
            timings.add(new Timing(lq.query().name(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, count));
        }
        timings.sort((a, b) -> Double.compare(b.total(), a.total()));
        out("%nslowest queries: prepare ms, candidates ms, search ms (prepare+candidates+scoring), candidates%n");
        timings.stream()
                .limit(12)
                .forEach(t -> out(
                        "  %7.2f %7.2f %7.2f %4d  %s%n", t.prepare(), t.candidates(), t.total(), t.count(), t.name()));
        double[] p = timings.stream().mapToDouble(Timing::prepare).sorted().toArray();
        double[] c = timings.stream().mapToDouble(Timing::candidates).sorted().toArray();
        out(
                "  prepare p50 %.2f p99 %.2f ms; candidates p50 %.2f p99 %.2f ms%n",
                p[p.length / 2], p[(int) (p.length * 0.99)], c[c.length / 2], c[(int) (c.length * 0.99)]);
    }

    static void compareChannels(NameMatcher matcher, List<ListedEntry> entries, List<LabelledQuery> queries) {
        out(
                "%ntypo channels: candidate recall (expected entry among the candidates) and candidate latency (query already normalised)%n");
        out("%-24s %8s %8s %8s %8s %8s%n", "channel", "build s", "heap MB", "recall", "p50 ms", "p99 ms");
        for (TokenIndex.TypoChannel channel : TokenIndex.TypoChannel.values()) {
            long heap0 = usedHeap();
            long t = java.lang.System.nanoTime();
            TokenIndex.Builder b = TokenIndex.builder(matcher, TokenIndex.Options.DEFAULT.withTypoChannel(channel));
            entries.forEach(b::add);
            TokenIndex index = b.build();
            double build = seconds(t);
            double heap = (usedHeap() - heap0) / 1048576.0;
            List<LabelledQuery> variants =
                    queries.stream().filter(x -> x.expectedEntryId() != null).toList();
            var prepared =
                    variants.stream().map(x -> matcher.prepare(x.query())).toList();
            prepared.forEach(index::candidates);
            long[] nanos = new long[variants.size()];
            int hit = 0;
            for (int i = 0; i < variants.size(); i++) {
                LabelledQuery lq = variants.get(i);
                long s = java.lang.System.nanoTime();
                List<ListedEntry> c = index.candidates(prepared.get(i));
                nanos[i] = java.lang.System.nanoTime() - s;
                if (c.stream().anyMatch(e -> e.entryId().equals(lq.expectedEntryId()))) {
                    hit++;
                }
            }
            Arrays.sort(nanos);
            out(
                    "%-24s %8.1f %8.0f %8.3f %8.2f %8.2f%n",
                    channel,
                    build,
                    heap,
                    (double) hit / variants.size(),
                    nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.99)] / 1e6);
        }
    }

    /** The plain baseline: Lucene in memory, a BooleanQuery of FuzzyQuery (2 edits) per token of the raw name. */
    static final class LuceneBaseline implements System {

        private final Analyzer analyzer = new StandardAnalyzer();
        private final IndexSearcher searcher;
        private final String[] ids;
        private double threshold;

        LuceneBaseline(List<ListedEntry> entries) throws IOException {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256))) {
                for (ListedEntry e : entries) {
                    Document d = new Document();
                    d.add(new StoredField("id", e.entryId()));
                    for (String name : e.names()) {
                        d.add(new TextField("name", name, Field.Store.NO));
                    }
                    w.addDocument(d);
                }
                w.forceMerge(1);
            }
            DirectoryReader reader = DirectoryReader.open(dir);
            searcher = new IndexSearcher(reader);
            ids = new String[reader.maxDoc()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = reader.storedFields().document(i).get("id");
            }
        }

        /** Picks the top-score threshold with the best F1 on the calibration queries; returns it. */
        double calibrate(List<LabelledQuery> calibration) {
            List<double[]> points = new ArrayList<>(); // score, correct(1)/wrong(0)
            int variants = 0;
            for (LabelledQuery lq : calibration) {
                List<Hit> hits = raw(lq.query());
                if (lq.expectedEntryId() != null) {
                    variants++;
                }
                if (!hits.isEmpty()) {
                    points.add(
                            new double[] {hits.getFirst().score(), topIsExpected(hits, lq.expectedEntryId()) ? 1 : 0});
                }
            }
            points.sort((a, b) -> Double.compare(b[0], a[0]));
            double best = -1;
            double bestThreshold = Double.MAX_VALUE;
            int tp = 0;
            for (int i = 0; i < points.size(); i++) {
                tp += (int) points.get(i)[1];
                double precision = (double) tp / (i + 1);
                double recall = (double) tp / Math.max(1, variants);
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                if (f1 > best && (i + 1 == points.size() || points.get(i + 1)[0] < points.get(i)[0])) {
                    best = f1;
                    bestThreshold = points.get(i)[0];
                }
            }
            threshold = bestThreshold;
            out(
                    "Lucene calibration: threshold %.3f gives F1 %.3f on %d calibration queries%n",
                    threshold, best, calibration.size());
            return threshold;
        }

        @Override
        public List<Hit> search(NameQuery query) {
            List<Hit> raw = raw(query);
            if (raw.isEmpty()) {
                return raw;
            }
            Hit top = raw.getFirst();
            // Only the top result can be a match, and only at or above the calibrated score.
            List<Hit> out = new ArrayList<>(raw.size());
            out.add(new Hit(top.entryId(), top.score(), top.score() >= threshold));
            raw.stream().skip(1).forEach(h -> out.add(new Hit(h.entryId(), h.score(), false)));
            return out;
        }

        private List<Hit> raw(NameQuery query) {
            try {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                int clauses = 0;
                try (TokenStream ts = analyzer.tokenStream("name", query.name())) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken() && clauses < 64) {
                        b.add(new FuzzyQuery(new Term("name", term.toString()), 2), BooleanClause.Occur.SHOULD);
                        clauses++;
                    }
                    ts.end();
                }
                if (clauses == 0) {
                    return List.of();
                }
                TopDocs top = searcher.search(b.build(), LIMIT);
                List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    hits.add(new Hit(ids[sd.doc], sd.score, false));
                }
                return hits;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            java.lang.System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double seconds(long startNanos) {
        return (java.lang.System.nanoTime() - startNanos) / 1e9;
    }

    static void out(String format, Object... args) {
        java.lang.System.out.printf(Locale.ROOT, format, args);
        java.lang.System.out.flush();
    }
}
