package org.lodestone.screening.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.lodestone.screening.names.NameToken;
import org.lodestone.screening.names.Reading;

/**
 * The candidate index of Lodestone: inverted postings from the normalised tokens of every name of every entry to the
 * entries, so a query scores a few hundred candidates with the {@link NameMatcher} instead of the whole list.
 *
 * <p>Keys are the tokens of all readings of a name (legal forms and stop words left out: they would find everyone),
 * nearby tokens joined ({@code pol pot} also under {@code polpot}, so a name written without spaces meets it) and
 * identifier keys. A query walks the postings of its own keys, weighting each by its inverse document frequency, plus
 * those of the indexed tokens a typo channel finds near each Latin query token; tokens read from Chinese characters
 * are looked up exactly, never fuzzily. Keys are walked rarest first until {@link Options#postingsBudget()} postings
 * have been walked, and tokens carried by more than {@link Options#maxPostingsShare()} of the entries never: the
 * matcher weighs them when it scores the candidates. The best {@link Options#candidates()} by that overlap are then
 * scored by the matcher.
 *
 * <p>Memory: entry ordinals in one {@code int[]} of postings with {@code int[]} offsets per key, keys interned once.
 * Immutable after build and thread-safe; each searching thread keeps its own scratch arrays.
 */
public final class TokenIndex implements ScreeningIndex {

    /** How a Latin query token reaches indexed tokens it does not equal. */
    public enum TypoChannel {
        /** Exact tokens only. */
        NONE,
        /** Symmetric deletions at edit distance 1 ({@link DeletionNeighbourhood}). */
        DELETIONS,
        /** Character trigrams, up to edit distance 2 for long tokens ({@link TrigramNeighbourhood}). */
        TRIGRAMS,
        /** Both. */
        DELETIONS_AND_TRIGRAMS
    }

    /**
     * @param typoChannel the typo-tolerant channel for Latin tokens
     * @param candidates how many candidates, best overlap first, the matcher scores
     * @param maxPostingsShare a token in more than this share of the entries is not walked
     * @param minTypoLength Latin tokens shorter than this are looked up exactly
     * @param postingsBudget a query walks its keys rarest first until this many postings, then skips the rest (the
     *     first key is always walked)
     */
    public record Options(
            TypoChannel typoChannel, int candidates, double maxPostingsShare, int minTypoLength, int postingsBudget) {

        public static final Options DEFAULT = new Options(TypoChannel.DELETIONS, 100, 0.02, 4, 20_000);

        public Options withTypoChannel(TypoChannel c) {
            return new Options(c, candidates, maxPostingsShare, minTypoLength, postingsBudget);
        }

        public Options withCandidates(int k) {
            return new Options(typoChannel, k, maxPostingsShare, minTypoLength, postingsBudget);
        }

        public Options withPostingsBudget(int budget) {
            return new Options(typoChannel, candidates, maxPostingsShare, minTypoLength, budget);
        }
    }

    /** Weight of a key reached through a typo channel, relative to an exact key. */
    private static final float TYPO_WEIGHT = 0.7f;

    /** Weight of an identical identifier: enough to put the entry among the candidates whatever its name. */
    private static final float IDENTIFIER_WEIGHT = 1000f;

    /** A query can be any length; past this many distinct keys the rest are ignored (one bit each in the scratch). */
    private static final int MAX_QUERY_KEYS = 63;

    private static final int MIN_FREQUENT_POSTINGS = 1000;

    /** How much the sum of an entry's shared keys counts next to its rarest shared key. */
    private static final float SUM_WEIGHT = 0.1f;

    /**
     * Marks a posting where the key is not a Latin token of the entry (a Chinese reading, a number, a joined key), so
     * a typo channel must not reach the entry through it. Entry ordinals never use the sign bit.
     */
    private static final int EXACT_ONLY = 0x80000000;

    /**
     * How far back a token is joined with an earlier one when the readings are not known (another matcher's prepared
     * names): their flat tokens list a token's alternative readings (Wade-Giles {@code ching} then pinyin {@code qing},
     * {@code jing}) one after the other, so the pinyin pair {@code qiu qing} is two or three apart.
     */
    private static final int FLAT_PAIR_WINDOW = 3;

    /** The shortest part a query token written without a space is split into. */
    private static final int MIN_SPLIT = 2;

    private final NameMatcher matcher;
    private final Options options;
    private final PreparedEntry[] entries;
    private final Vocabulary vocabulary;
    private final int[] offsets;
    private final int[] postings;
    private final TokenNeighbourhood[] neighbourhoods;
    private final boolean[] latinToken;
    private final int frequent;
    private final ThreadLocal<Scratch> scratch;

    private TokenIndex(
            NameMatcher matcher,
            Options options,
            PreparedEntry[] entries,
            Vocabulary vocabulary,
            int[] offsets,
            int[] postings,
            TokenNeighbourhood[] neighbourhoods,
            boolean[] latinToken) {
        this.matcher = matcher;
        this.options = options;
        this.entries = entries;
        this.vocabulary = vocabulary;
        this.offsets = offsets;
        this.postings = postings;
        this.neighbourhoods = neighbourhoods;
        this.latinToken = latinToken;
        this.frequent = Math.max(MIN_FREQUENT_POSTINGS, (int) (entries.length * options.maxPostingsShare()));
        int n = entries.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    public static Builder builder(NameMatcher matcher, Options options) {
        return new Builder(matcher, options);
    }

    @Override
    public List<MatchHit> search(NameQuery query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        PreparedQuery prepared = matcher.prepare(query);
        int[] candidates = candidateOrdinals(prepared);
        double floor = matcher.threshold() / 2;
        List<MatchHit> hits = new ArrayList<>();
        for (int e : candidates) {
            PreparedEntry entry = entries[e];
            Comparison c = matcher.compare(prepared, entry);
            if (c.score() >= floor) {
                hits.add(new MatchHit(entry.entry(), c, c.score() >= matcher.threshold()));
            }
        }
        hits.sort(Comparator.comparingDouble(MatchHit::score).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** The entries the matcher would score for this query, best overlap first (for measuring candidate recall). */
    public List<ListedEntry> candidates(NameQuery query) {
        return candidates(matcher.prepare(query));
    }

    /** {@link #candidates(NameQuery)} for a query already prepared, to time candidate generation alone. */
    public List<ListedEntry> candidates(PreparedQuery query) {
        return Arrays.stream(candidateOrdinals(query))
                .mapToObj(e -> entries[e].entry())
                .toList();
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** Distinct keys, postings and the typo channel, for the benchmark's report. */
    public String describe() {
        return "keys=" + vocabulary.size() + " postings=" + postings.length + " channel=" + options.typoChannel()
                + " candidates=" + options.candidates() + " frequentAbove=" + frequent;
    }

    private int[] candidateOrdinals(PreparedQuery query) {
        Scratch s = scratch.get();
        try {
            Map<String, Boolean> keys = queryKeys(query);
            int slot = 0;
            IntList near = s.near;
            Walks walks = s.walks;
            for (Map.Entry<String, Boolean> k : keys.entrySet()) {
                long bit = 1L << slot++;
                String text = k.getKey();
                int id = vocabulary.find(text);
                if (id >= 0) {
                    walks.add(id, df(id), bit, 1f, false);
                }
                if (k.getValue() && text.length() >= options.minTypoLength()) {
                    near.clear();
                    for (TokenNeighbourhood n : neighbourhoods) {
                        n.near(text, near);
                    }
                    for (int i = 0; i < near.size(); i++) {
                        walks.add(near.get(i), df(near.get(i)), bit, TYPO_WEIGHT, true);
                    }
                }
            }
            // Rarest keys first, within a budget of postings: the rare keys (a brand, a family name, a joined pair of
            // syllables) decide the ranking, and the common ones (a Chinese syllable shared with ten thousand names)
            // only add a tenth of their small weight, so past the budget they are not worth their time.
            walks.sort();
            int rarestSkipped = -1;
            long walked = 0;
            for (int i = 0; i < walks.size(); i++) {
                int id = walks.id(i);
                int df = walks.df(i);
                if (df > frequent || (walked > 0 && walked + df > options.postingsBudget())) {
                    if (rarestSkipped < 0) {
                        rarestSkipped = id;
                    }
                    continue;
                }
                walk(s, id, walks.bit(i), walks.weight(i), walks.typo(i));
                walked += df;
            }
            for (String identifier : query.identifierKeys()) {
                int id = vocabulary.find(identifierKey(identifier));
                if (id >= 0) {
                    for (int p = offsets[id]; p < offsets[id + 1]; p++) {
                        s.add(postings[p] & ~EXACT_ONLY, IDENTIFIER_WEIGHT, 1L << 63);
                    }
                }
            }
            if (s.touched.size() == 0 && rarestSkipped >= 0) {
                // Only very common tokens: better their first entries than nothing.
                int end = Math.min(offsets[rarestSkipped + 1], offsets[rarestSkipped] + options.candidates());
                for (int p = offsets[rarestSkipped]; p < end; p++) {
                    s.add(postings[p] & ~EXACT_ONLY, 1f, 1L);
                }
            }
            return s.top(options.candidates());
        } finally {
            s.reset();
        }
    }

    private int df(int id) {
        return offsets[id + 1] - offsets[id];
    }

    /**
     * Adds the weight of a key to the entries in its postings; through a typo channel, only to those where the key is
     * a Latin token, not a reading of Chinese characters.
     */
    private void walk(Scratch s, int id, long bit, float weight, boolean typo) {
        int from = offsets[id];
        int to = offsets[id + 1];
        int df = to - from;
        float w = weight * (float) Math.log(1.0 + (double) entries.length / df);
        for (int p = from; p < to; p++) {
            int e = postings[p];
            if (e >= 0) {
                s.add(e, w, bit);
            } else if (!typo) {
                s.add(e & ~EXACT_ONLY, w, bit);
            }
        }
    }

    private Map<String, Boolean> queryKeys(PreparedQuery query) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        KeySink sink = (text, typo) -> {
            if (keys.size() < MAX_QUERY_KEYS) {
                keys.merge(text, typo, Boolean::logicalOr);
            }
        };
        Reading[] readings = query instanceof ExplainableMatcher.QueryForm f ? f.readings : null;
        if (readings != null) {
            keysOf(readings, sink);
        } else {
            keysOf(query.tokens(), FLAT_PAIR_WINDOW, sink);
        }
        // A Latin query token may be a Russian name romanised the BGN way (or the German sch), while the entry is
        // listed in Cyrillic, read by the normaliser letter for letter (щ as s, х as h, й as j, я as a).
        List<String> folded = new ArrayList<>();
        for (Map.Entry<String, Boolean> k : keys.entrySet()) {
            if (k.getValue()) {
                String f = cyrillicReading(k.getKey());
                if (!f.equals(k.getKey()) && f.length() >= 2) {
                    folded.add(f);
                }
            }
        }
        for (String f : folded) {
            if (keys.size() < MAX_QUERY_KEYS) {
                keys.merge(f, true, Boolean::logicalOr);
            }
        }
        // A query token that is no entry's own token may be two indexed tokens written without a space ("PolPot",
        // "TangJia"); it may still be a joined key of some entries, which are not all of those it should meet.
        List<String> splits = new ArrayList<>();
        for (Map.Entry<String, Boolean> k : keys.entrySet()) {
            String text = k.getKey();
            int known = vocabulary.find(text);
            if (k.getValue() && text.length() >= 2 * MIN_SPLIT && (known < 0 || !latinToken[known])) {
                for (int i = MIN_SPLIT; i <= text.length() - MIN_SPLIT; i++) {
                    String left = text.substring(0, i);
                    String right = text.substring(i);
                    if (vocabulary.find(left) >= 0 && vocabulary.find(right) >= 0) {
                        splits.add(left);
                        splits.add(right);
                    }
                }
            }
        }
        for (String split : splits) {
            if (keys.size() < MAX_QUERY_KEYS) {
                keys.putIfAbsent(split, false);
            }
        }
        return keys;
    }

    /** Receives the keys of a name: the key, and whether a typo channel may look for it. */
    @FunctionalInterface
    interface KeySink {
        void key(String text, boolean typoTolerant);
    }

    /**
     * The keys of a prepared name: its tokens other than legal forms and stop words, then tokens up to {@code window}
     * apart joined, and for 3 to 6 tokens all of them joined. The tokens are the distinct tokens of all readings in
     * order, so adjacency is that of the first reading, plus a few spurious joins across readings (harmless extra
     * keys). Only Latin letter tokens are typo-tolerant: numbers and Chinese readings are exact.
     */
    static void keysOf(List<NameToken> tokens, int window, KeySink sink) {
        List<NameToken> kept = new ArrayList<>(tokens.size());
        for (NameToken t : tokens) {
            if (t.kind() != NameToken.Kind.LEGAL_FORM && t.kind() != NameToken.Kind.STOP) {
                kept.add(t);
            }
        }
        for (NameToken t : kept) {
            sink.key(t.text(), !t.fromHan() && t.kind() != NameToken.Kind.NUMBER && letters(t.text()));
        }
        for (int i = 1; i < kept.size(); i++) {
            for (int j = Math.max(0, i - window); j < i; j++) {
                sink.key(kept.get(j).text() + kept.get(i).text(), false);
            }
        }
        if (kept.size() >= 3 && kept.size() <= 6) {
            StringBuilder b = new StringBuilder();
            kept.forEach(t -> b.append(t.text()));
            sink.key(b.toString(), false);
        }
    }

    /**
     * A romanised Russian token as the normaliser reads the Cyrillic: {@code shch}, {@code sch} and {@code sh} as
     * {@code s}, {@code ch} as {@code c}, {@code zh} as {@code z}, {@code kh} as {@code h}, {@code ts} as {@code c},
     * {@code ya yu yo ye} as {@code a u e e}, and a {@code y} after a vowel as {@code j} ({@code Sergey}, {@code
     * Yuriy}, {@code Treyd}).
     */
    static String cyrillicReading(String t) {
        StringBuilder b = new StringBuilder(t.length());
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            char next = i + 1 < n ? t.charAt(i + 1) : 0;
            if (t.startsWith("shch", i)) {
                b.append('s');
                i += 4;
            } else if (t.startsWith("sch", i)) {
                b.append('s');
                i += 3;
            } else if (next == 'h' && (c == 's' || c == 'c' || c == 'z' || c == 'k')) {
                b.append(c == 'k' ? 'h' : c);
                i += 2;
            } else if (c == 't' && next == 's') {
                b.append('c');
                i += 2;
            } else if (c == 'y' && (next == 'a' || next == 'u' || next == 'o' || next == 'e')) {
                b.append(next == 'o' ? 'e' : next);
                i += 2;
            } else if (c == 'y' && i > 0 && "aeiouy".indexOf(t.charAt(i - 1)) >= 0) {
                b.append('j');
                i++;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Alternatives joined per position at most: a polyphonic syllable next to another would multiply its pairs. */
    private static final int MAX_OPTIONS = 4;

    /** Combinations of alternatives joined into whole-name keys at most. */
    private static final int MAX_WHOLE = 8;

    /**
     * The keys of a name from its readings, position by position: each token and its alternatives, each of them joined
     * with each of the previous position's (legal forms and stop words skipped), so {@code Tang Jia}, read {@code tang}
     * or {@code dang}, is under {@code tangjia} and {@code dangjia}; and for 3 to 6 positions the first texts all
     * joined, with up to {@link #MAX_WHOLE} combinations of their alternatives ({@code Lin Li-kang} also under
     * {@code linligang}, which is {@code Lin Ligang}'s joined pair).
     */
    static void keysOf(Reading[] readings, KeySink sink) {
        for (Reading r : readings) {
            int n = r.size();
            int previous = -1;
            int kept = 0;
            List<String> wholes = new ArrayList<>(List.of(""));
            for (int i = 0; i < n; i++) {
                NameToken.Kind kind = r.kind(i);
                if (kind == NameToken.Kind.LEGAL_FORM || kind == NameToken.Kind.STOP) {
                    continue;
                }
                boolean typo = !r.fromHan(i) && kind != NameToken.Kind.NUMBER;
                String[] alt = r.alternatives(i);
                int options = 1 + (alt == null ? 0 : Math.min(alt.length, MAX_OPTIONS - 1));
                for (int o = 0; o < options; o++) {
                    String text = o == 0 ? r.text(i) : alt[o - 1];
                    sink.key(text, typo && letters(text));
                    if (previous >= 0) {
                        String[] pAlt = r.alternatives(previous);
                        int pOptions = 1 + (pAlt == null ? 0 : Math.min(pAlt.length, MAX_OPTIONS - 1));
                        for (int po = 0; po < pOptions; po++) {
                            sink.key((po == 0 ? r.text(previous) : pAlt[po - 1]) + text, false);
                        }
                    }
                }
                List<String> next = new ArrayList<>(Math.min(MAX_WHOLE, wholes.size() * options));
                for (String w : wholes) {
                    for (int o = 0; o < options && next.size() < MAX_WHOLE; o++) {
                        next.add(w + (o == 0 ? r.text(i) : alt[o - 1]));
                    }
                }
                wholes = next;
                previous = i;
                kept++;
            }
            // Two positions: the pair keys already hold every combination.
            if (kept >= 3 && kept <= 6) {
                wholes.forEach(w -> sink.key(w, false));
            }
        }
    }

    private static boolean letters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Identifier keys live in the same vocabulary; {@code #} never occurs in a name token. */
    private static String identifierKey(String key) {
        return "#" + key;
    }

    /** The postings a query will walk: key, document frequency, query-key bit, weight, typo; sorted rarest first. */
    private static final class Walks {
        private long[] order = new long[64];
        private int[] ids = new int[64];
        private int[] dfs = new int[64];
        private long[] bits = new long[64];
        private float[] weights = new float[64];
        private boolean[] typos = new boolean[64];
        private int size;

        void add(int id, int df, long bit, float weight, boolean typo) {
            if (size == ids.length) {
                int n = size * 2;
                order = Arrays.copyOf(order, n);
                ids = Arrays.copyOf(ids, n);
                dfs = Arrays.copyOf(dfs, n);
                bits = Arrays.copyOf(bits, n);
                weights = Arrays.copyOf(weights, n);
                typos = Arrays.copyOf(typos, n);
            }
            ids[size] = id;
            dfs[size] = df;
            bits[size] = bit;
            weights[size] = weight;
            typos[size] = typo;
            size++;
        }

        /** Orders by document frequency, exact before typo and then in query order on ties. */
        void sort() {
            for (int i = 0; i < size; i++) {
                order[i] = ((long) dfs[i] << 32) | i;
            }
            Arrays.sort(order, 0, size);
        }

        int size() {
            return size;
        }

        int id(int i) {
            return ids[(int) order[i]];
        }

        int df(int i) {
            return dfs[(int) order[i]];
        }

        long bit(int i) {
            return bits[(int) order[i]];
        }

        float weight(int i) {
            return weights[(int) order[i]];
        }

        boolean typo(int i) {
            return typos[(int) order[i]];
        }

        void clear() {
            size = 0;
        }
    }

    /**
     * Per-thread accumulators sized to the index, reset after every query. The overlap of an entry is its rarest
     * shared key plus a tenth of the sum of all: a sum alone lets an entry that shares many common keys (a Chinese
     * name shares its region, industry words and their syllables with thousands) crowd out the one that shares the
     * rare brand or family name.
     */
    private static final class Scratch {
        final float[] score;
        final float[] best;
        final long[] seen;
        final IntList touched = new IntList(4096);
        final IntList near = new IntList(64);
        final Walks walks = new Walks();

        Scratch(int n) {
            score = new float[n];
            best = new float[n];
            seen = new long[n];
        }

        /** Adds a key's weight to an entry once per query key, however many of the entry's names carry it. */
        void add(int e, float w, long bit) {
            long m = seen[e];
            if ((m & bit) != 0) {
                return;
            }
            if (m == 0) {
                touched.add(e);
            }
            seen[e] = m | bit;
            score[e] += w;
            if (w > best[e]) {
                best[e] = w;
            }
        }

        /** The {@code k} best-scoring touched entries, best first: a min-heap of (score bits, ordinal). */
        int[] top(int k) {
            int n = touched.size();
            int size = Math.min(k, n);
            long[] heap = new long[size];
            int filled = 0;
            for (int i = 0; i < n; i++) {
                int e = touched.get(i);
                // Scores are positive, so their float bits order like the scores; low bits prefer earlier ordinals.
                long key = ((long) Float.floatToIntBits(best[e] + SUM_WEIGHT * score[e]) << 32) | (0xffffffffL - e);
                if (filled < size) {
                    heap[filled] = key;
                    siftUp(heap, filled++);
                } else if (key > heap[0]) {
                    heap[0] = key;
                    siftDown(heap, size);
                }
            }
            Arrays.sort(heap, 0, filled);
            int[] out = new int[filled];
            for (int i = 0; i < filled; i++) {
                out[i] = (int) (0xffffffffL - (heap[filled - 1 - i] & 0xffffffffL));
            }
            return out;
        }

        void reset() {
            for (int i = 0; i < touched.size(); i++) {
                int e = touched.get(i);
                score[e] = 0;
                best[e] = 0;
                seen[e] = 0;
            }
            touched.clear();
            walks.clear();
        }

        private static void siftUp(long[] h, int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (h[parent] <= h[i]) {
                    return;
                }
                long t = h[parent];
                h[parent] = h[i];
                h[i] = t;
                i = parent;
            }
        }

        private static void siftDown(long[] h, int size) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    return;
                }
                int m = l + 1 < size && h[l + 1] < h[l] ? l + 1 : l;
                if (h[i] <= h[m]) {
                    return;
                }
                long t = h[m];
                h[m] = h[i];
                h[i] = t;
                i = m;
            }
        }
    }

    /** Collects entries, then normalises every name once and builds the postings. */
    public static final class Builder implements ScreeningIndex.Builder {

        private static final int CHUNK = 20_000;

        private final NameMatcher matcher;
        private final Options options;
        private final List<ListedEntry> entries = new ArrayList<>();

        Builder(NameMatcher matcher, Options options) {
            this.matcher = matcher;
            this.options = options;
        }

        @Override
        public Builder add(ListedEntry entry) {
            entries.add(entry);
            return this;
        }

        @Override
        public TokenIndex build() {
            ListedEntry[] listed = entries.toArray(ListedEntry[]::new);
            PreparedEntry[] all = new PreparedEntry[listed.length];
            Vocabulary vocabulary = new Vocabulary();
            boolean[] typoTolerant = new boolean[1024];
            IntList keyOf = new IntList(all.length * 8);
            IntList entryOf = new IntList(all.length * 8);
            // Normalising is the slow part: done in parallel a chunk at a time, interning stays on this thread.
            for (int from = 0; from < all.length; from += CHUNK) {
                int start = from;
                int end = Math.min(all.length, from + CHUNK);
                List<List<Map.Entry<String, Boolean>>> chunk = IntStream.range(start, end)
                        .parallel()
                        .mapToObj(i -> {
                            all[i] = matcher.prepare(listed[i]);
                            return entryKeys(all[i]);
                        })
                        .toList();
                for (int i = start; i < end; i++) {
                    // The keys of an entry are distinct already (merged in a map).
                    for (Map.Entry<String, Boolean> k : chunk.get(i - start)) {
                        int id = vocabulary.intern(k.getKey());
                        if (id >= typoTolerant.length) {
                            typoTolerant = Arrays.copyOf(typoTolerant, typoTolerant.length * 2);
                        }
                        typoTolerant[id] |= k.getValue();
                        keyOf.add(id);
                        entryOf.add(k.getValue() ? i : i | EXACT_ONLY);
                    }
                }
            }
            vocabulary.trim();
            int keys = vocabulary.size();
            int[] offsets = new int[keys + 1];
            for (int i = 0; i < keyOf.size(); i++) {
                offsets[keyOf.get(i) + 1]++;
            }
            for (int k = 0; k < keys; k++) {
                offsets[k + 1] += offsets[k];
            }
            int[] fill = Arrays.copyOf(offsets, keys);
            int[] postings = new int[keyOf.size()];
            for (int i = 0; i < keyOf.size(); i++) {
                postings[fill[keyOf.get(i)]++] = entryOf.get(i);
            }
            boolean[] tolerant = Arrays.copyOf(typoTolerant, keys);
            TokenNeighbourhood[] neighbourhoods = switch (options.typoChannel()) {
                case NONE -> new TokenNeighbourhood[0];
                case DELETIONS ->
                    new TokenNeighbourhood[] {new DeletionNeighbourhood(vocabulary, tolerant, options.minTypoLength())};
                case TRIGRAMS ->
                    new TokenNeighbourhood[] {new TrigramNeighbourhood(vocabulary, tolerant, options.minTypoLength())};
                case DELETIONS_AND_TRIGRAMS ->
                    new TokenNeighbourhood[] {
                        new DeletionNeighbourhood(vocabulary, tolerant, options.minTypoLength()),
                        new TrigramNeighbourhood(vocabulary, tolerant, options.minTypoLength())
                    };
            };
            return new TokenIndex(matcher, options, all, vocabulary, offsets, postings, neighbourhoods, tolerant);
        }

        private static List<Map.Entry<String, Boolean>> entryKeys(PreparedEntry entry) {
            Map<String, Boolean> keys = new LinkedHashMap<>();
            KeySink sink = (text, typo) -> keys.merge(text, typo, Boolean::logicalOr);
            if (entry instanceof ExplainableMatcher.EntryForm f) {
                for (Reading[] name : f.names) {
                    keysOf(name, sink);
                }
            } else {
                keysOf(entry.tokens(), FLAT_PAIR_WINDOW, sink);
            }
            for (String identifier : entry.identifierKeys()) {
                if (!identifier.isEmpty()) {
                    keys.put(identifierKey(identifier), false);
                }
            }
            return List.copyOf(keys.entrySet());
        }
    }
}
