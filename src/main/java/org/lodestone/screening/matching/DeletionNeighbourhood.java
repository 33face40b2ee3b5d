package org.lodestone.screening.matching;

import java.util.Arrays;

/**
 * Symmetric-deletion keys (SymSpell) at distance 1: every eligible token is stored under each string made by deleting
 * one of its characters; a query token looks up itself and its own deletions. Two tokens share a key exactly when one
 * substitution, insertion, deletion or adjacent swap separates them (verified, since keys are hashed). The table is
 * one sorted {@code long[]}: a 38-bit hash of the key above a 26-bit token id.
 */
final class DeletionNeighbourhood implements TokenNeighbourhood {

    private static final int ID_BITS = 26;
    private static final long ID_MASK = (1L << ID_BITS) - 1;

    private final Vocabulary vocabulary;
    private final boolean[] eligible;
    private final long[] table;

    DeletionNeighbourhood(Vocabulary vocabulary, boolean[] eligible, int minLength) {
        if (vocabulary.size() > ID_MASK) {
            throw new IllegalStateException("too many distinct tokens: " + vocabulary.size());
        }
        this.vocabulary = vocabulary;
        this.eligible = eligible;
        int count = 0;
        for (int id = 0; id < vocabulary.size(); id++) {
            if (eligible[id] && vocabulary.text(id).length() >= minLength) {
                count += vocabulary.text(id).length();
            }
        }
        long[] t = new long[count];
        int n = 0;
        StringBuilder b = new StringBuilder();
        for (int id = 0; id < vocabulary.size(); id++) {
            String s = vocabulary.text(id);
            if (eligible[id] && s.length() >= minLength) {
                for (int i = 0; i < s.length(); i++) {
                    t[n++] = (hash(deletion(s, i, b)) << ID_BITS) | id;
                }
            }
        }
        Arrays.sort(t);
        this.table = t;
    }

    @Override
    public void near(String token, IntList out) {
        StringBuilder b = new StringBuilder();
        collect(token, token, out);
        for (int i = 0; i < token.length(); i++) {
            String d = deletion(token, i, b).toString();
            collect(d, token, out);
            int id = vocabulary.find(d);
            if (id >= 0 && eligible[id]) {
                out.add(id);
            }
        }
    }

    private void collect(CharSequence key, String token, IntList out) {
        long h = hash(key) << ID_BITS;
        int i = Arrays.binarySearch(table, h);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < table.length && (table[i] & ~ID_MASK) == h; i++) {
            int id = (int) (table[i] & ID_MASK);
            String s = vocabulary.text(id);
            if (!s.equals(token) && TokenNeighbourhood.distance(token, s, 1) <= 1) {
                out.add(id);
            }
        }
    }

    private static StringBuilder deletion(String s, int i, StringBuilder b) {
        b.setLength(0);
        return b.append(s, 0, i).append(s, i + 1, s.length());
    }

    /** FNV-1a, 64 bits, cut to 38. */
    private static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ (h >>> 29)) & ((1L << (64 - ID_BITS)) - 1);
    }
}
