package org.lodestone.screening.lists;

/**
 * The entry ids seen so far in one file, to reject duplicates without keeping the ids: 64-bit hashes in an
 * open-addressing table, 16 bytes per entry at most, so a 1,000,000-entry file needs about 32 MB at worst. Two
 * different ids share a hash with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a million ids); the store's primary key
 * would refuse a true duplicate anyway.
 */
final class EntryIdSet {

    private long[] table = new long[1 << 12];
    private int size;

    /** Adds the id; false if it was there already. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) {
            h = 1; // 0 marks a free slot
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = h;
            }
        }
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finaliser (MurmurHash3 fmix64) to spread the bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53ec7c1L;
        h ^= h >>> 33;
        return h;
    }
}
