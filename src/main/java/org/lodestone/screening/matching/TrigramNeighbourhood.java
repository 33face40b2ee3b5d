package org.lodestone.screening.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Character trigrams of the padded token ({@code ^ab, abc, ..., yz$}) with postings of token ids: a query token counts
 * the trigrams it shares with each indexed token and keeps those with a Dice coefficient of at least
 * {@value #MIN_DICE} that are within edit distance 2 (1 for tokens shorter than 8). Reaches two edits, at the cost of
 * walking the postings of common trigrams.
 */
final class TrigramNeighbourhood implements TokenNeighbourhood {

    private static final double MIN_DICE = 0.45;

    private final Vocabulary vocabulary;
    private final boolean[] eligible;
    private final Map<Integer, Integer> trigramIds;
    private final int[] offsets;
    private final int[] tokens;
    private final ThreadLocal<Counts> counts;

    TrigramNeighbourhood(Vocabulary vocabulary, boolean[] eligible, int minLength) {
        this.vocabulary = vocabulary;
        this.eligible = eligible;
        Map<Integer, Integer> ids = new HashMap<>();
        IntList gramOf = new IntList(1 << 16);
        IntList tokenOf = new IntList(1 << 16);
        for (int id = 0; id < vocabulary.size(); id++) {
            String s = vocabulary.text(id);
            if (eligible[id] && s.length() >= minLength) {
                for (int g : trigrams(s)) {
                    Integer gid = ids.computeIfAbsent(g, k -> ids.size());
                    gramOf.add(gid);
                    tokenOf.add(id);
                }
            }
        }
        int[] off = new int[ids.size() + 1];
        for (int i = 0; i < gramOf.size(); i++) {
            off[gramOf.get(i) + 1]++;
        }
        for (int i = 0; i < ids.size(); i++) {
            off[i + 1] += off[i];
        }
        int[] fill = off.clone();
        int[] tok = new int[gramOf.size()];
        for (int i = 0; i < gramOf.size(); i++) {
            tok[fill[gramOf.get(i)]++] = tokenOf.get(i);
        }
        this.trigramIds = Map.copyOf(ids);
        this.offsets = off;
        this.tokens = tok;
        int vocabSize = vocabulary.size();
        this.counts = ThreadLocal.withInitial(() -> new Counts(vocabSize));
    }

    @Override
    public void near(String token, IntList out) {
        Counts c = counts.get();
        int[] grams = trigrams(token);
        for (int g : grams) {
            Integer gid = trigramIds.get(g);
            if (gid == null) {
                continue;
            }
            for (int p = offsets[gid]; p < offsets[gid + 1]; p++) {
                int t = tokens[p];
                if (c.count[t]++ == 0) {
                    c.touched.add(t);
                }
            }
        }
        int maxEdits = token.length() >= 8 ? 2 : 1;
        for (int i = 0; i < c.touched.size(); i++) {
            int t = c.touched.get(i);
            String s = vocabulary.text(t);
            double dice = 2.0 * c.count[t] / (grams.length + s.length());
            c.count[t] = 0;
            if (dice >= MIN_DICE && !s.equals(token) && TokenNeighbourhood.distance(token, s, maxEdits) <= maxEdits) {
                out.add(t);
            }
        }
        c.touched.clear();
    }

    /** Trigrams of {@code ^token$}, packed 7 bits a character ({@code ^} = 1, {@code $} = 2). */
    private static int[] trigrams(String s) {
        int n = s.length() + 2;
        int[] out = new int[n - 2];
        for (int i = 0; i < n - 2; i++) {
            out[i] = (code(s, i - 1) << 14) | (code(s, i) << 7) | code(s, i + 1);
        }
        return out;
    }

    private static int code(String s, int i) {
        if (i < 0) {
            return 1;
        }
        if (i >= s.length()) {
            return 2;
        }
        return s.charAt(i) & 0x7f;
    }

    private static final class Counts {
        final int[] count;
        final IntList touched = new IntList(1024);

        Counts(int size) {
            count = new int[size];
        }
    }
}
