package org.lodestone.screening.matching;

/**
 * How alike two Latin tokens are, by Levenshtein distance bounded by the token length: short tokens must be equal
 * (Li and Lu are different names), longer ones may differ by one, two or three edits. Han-derived tokens never come
 * here: they compare exactly.
 */
final class TokenSimilarity {

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[2][64]);

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

    /** 1 − distance/length when the distance is within what the length allows, else 0. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int len = Math.max(a.length(), b.length());
        int budget = allowedEdits(Math.min(a.length(), b.length()));
        if (Math.abs(a.length() - b.length()) > budget) {
            return 0;
        }
        int d = distance(a, b, budget);
        return d > budget ? 0 : 1.0 - (double) d / len;
    }

    /** Levenshtein distance, or {@code budget + 1} as soon as it is known to exceed the budget. */
    static int distance(String a, String b, int budget) {
        int n = a.length();
        int m = b.length();
        if (m + 1 > 64 || n > 256) {
            return a.equals(b) ? 0 : budget + 1;
        }
        int[][] rows = ROWS.get();
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
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > budget) {
                return budget + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
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
            if (c != last) {
                b.append(c);
            }
            last = c;
        }
        return b.toString();
    }
}
