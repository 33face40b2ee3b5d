package org.lodestone.screening.matching;

import java.util.Arrays;

/**
 * Interns the distinct keys of an index (tokens, joined tokens, identifier keys) to dense ids with open addressing:
 * one {@code String[]} and one {@code int[]}, no boxed map entries. Grows while building; read-only once the index is
 * built, then safe to share between threads.
 */
final class Vocabulary {

    private String[] byId = new String[1024];
    private int[] slots = new int[2048]; // id + 1, 0 = empty
    private int size;

    int size() {
        return size;
    }

    String text(int id) {
        return byId[id];
    }

    /** The id of the key, or -1. */
    int find(String key) {
        int mask = slots.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            if (byId[s - 1].equals(key)) {
                return s - 1;
            }
        }
    }

    /** The id of the key, added if new. */
    int intern(String key) {
        int mask = slots.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                if (size == byId.length) {
                    byId = Arrays.copyOf(byId, size * 2);
                }
                byId[size] = key;
                slots[i] = ++size;
                if (size * 2 > slots.length) {
                    rehash();
                }
                return size - 1;
            }
            if (byId[s - 1].equals(key)) {
                return s - 1;
            }
        }
    }

    /** Drops the spare capacity once building is done. */
    void trim() {
        byId = Arrays.copyOf(byId, size);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int i = spread(byId[id].hashCode()) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = id + 1;
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
