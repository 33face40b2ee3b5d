package org.lodestone.screening.matching;

/**
 * How alike two Latin tokens are, by Levenshtein distance bounded by the token length: short tokens must be equal
 * (Li and Lu are different names), longer ones may differ by one, two or three edits. Han-derived tokens never come
 * here: they compare exactly.
 */
final class TokenSimilarity {

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][64]);

    private TokenSimilarity() {}

    static int allowedEdits(int length) {
        if (length <= 3) {
            return 0;
        }
        if (length <= 5) {
            return 1;
        }
        if (length <= 9) {
            return 2;
        }
        return 3;
    }

    /** Below this a pair of Latin tokens counts as unmatched. */
    static final double MIN_SIMILARITY = 0.6;

    /**
     * 1 − distance/length, or 0 when below {@link #MIN_SIMILARITY} or when a token of one or two letters differs: a
     * one-letter difference in a long token is likely a spelling variant, in a three-letter token a partial match.
     */
    static double similarity(CharSequence a, CharSequence b) {
        if (a.length() == b.length() && CharSequence.compare(a, b) == 0) {
            return 1;
        }
        int len = Math.max(a.length(), b.length());
        if (Math.min(a.length(), b.length()) <= 2) {
            return 0;
        }
        int budget = (int) Math.floor(len * (1 - MIN_SIMILARITY));
        if (Math.abs(a.length() - b.length()) > budget) {
            return 0;
        }
        // Each edit changes at most two letters of the set of letters used: a cheap bound before the quadratic work.
        if (Integer.bitCount(letters(a) ^ letters(b)) > 2 * budget) {
            return 0;
        }
        int d = distance(a, b, budget);
        return d > budget ? 0 : 1.0 - (double) d / len;
    }

    private static int letters(CharSequence s) {
        int mask = 0;
        for (int i = 0; i < s.length(); i++) {
            mask |= 1 << (s.charAt(i) & 31);
        }
        return mask;
    }

    /** Optimal-string-alignment distance (Levenshtein with transpositions), or {@code budget + 1} as soon as it is known to exceed the budget. */
    static int distance(CharSequence a, CharSequence b, int budget) {
        int n = a.length();
        int m = b.length();
        if (m + 1 > 64 || n > 256) {
            return CharSequence.compare(a, b) == 0 ? 0 : budget + 1;
        }
        int[][] rows = ROWS.get();
        int[] prev2 = rows[2];
        int[] prev = rows[0];
        int[] cur = rows[1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1); // a transposition (Asasd, Assad) is one edit
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > budget) {
                return budget + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * Whether two Latin spellings sound alike by the usual variants of romanised names: doubled letters, ou/oo = u,
     * ee = i, ay/ai/ei/ey = e, y = i, ph = f, ck/c = k. Compared letter by letter without building the keys.
     */
    static boolean sameSound(String a, String b) {
        int i = 0;
        int j = 0;
        char lastA = 0;
        char lastB = 0;
        while (true) {
            // next sound of a
            char ca = 0;
            while (i < a.length()) {
                int[] r = sound(a, i);
                i += r[1];
                if (r[0] != lastA) {
                    ca = (char) r[0];
                    lastA = ca;
                    break;
                }
            }
            char cb = 0;
            while (j < b.length()) {
                int[] r = sound(b, j);
                j += r[1];
                if (r[0] != lastB) {
                    cb = (char) r[0];
                    lastB = cb;
                    break;
                }
            }
            if (ca != cb) {
                return false;
            }
            if (ca == 0) {
                return true;
            }
        }
    }

    private static final ThreadLocal<int[]> SOUND = ThreadLocal.withInitial(() -> new int[2]);

    /** The sound at {@code i} and how many letters it takes. */
    private static int[] sound(String s, int i) {
        int[] r = SOUND.get();
        char c = s.charAt(i);
        char n = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        r[1] = 1;
        switch (c) {
            case 'o' -> {
                if (n == 'u' || n == 'o') {
                    r[0] = 'u';
                    r[1] = 2;
                    return r;
                }
            }
            case 'e' -> {
                if (n == 'e') {
                    r[0] = 'i';
                    r[1] = 2;
                    return r;
                }
                if (n == 'i' || n == 'y') {
                    r[0] = 'e';
                    r[1] = 2;
                    return r;
                }
            }
            case 'a' -> {
                if (n == 'y' || n == 'i') {
                    r[0] = 'e';
                    r[1] = 2;
                    return r;
                }
            }
            case 'p' -> {
                if (n == 'h') {
                    r[0] = 'f';
                    r[1] = 2;
                    return r;
                }
            }
            case 'c' -> {
                r[0] = 'k';
                r[1] = n == 'k' ? 2 : 1;
                return r;
            }
            case 'y' -> {
                r[0] = 'i';
                return r;
            }
            default -> {}
        }
        r[0] = c;
        return r;
    }

    /** The consonants of a token, doubled letters once: how Arabic and Hebrew names meet their vowelled spellings. */
    static String skeleton(String t) {
        StringBuilder b = new StringBuilder(t.length());
        char last = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
            if (vowel || (i > 0 && (c == 'y' || c == 'w'))) {
                continue;
            }
            // Arabic and Khmer writing do not tell p from b or v from f as Latin does.
            c = switch (c) {
                case 'p' -> 'b';
                case 'v' -> 'f';
                case 'q', 'c' -> 'k';
                default -> c;
            };
            if (c != last) {
                b.append(c);
            }
            last = c;
        }
        return b.toString();
    }
}
