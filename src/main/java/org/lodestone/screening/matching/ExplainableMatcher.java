package org.lodestone.screening.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.names.IcuNameNormaliser;
import org.lodestone.screening.names.NameNormaliser;
import org.lodestone.screening.names.NameToken;
import org.lodestone.screening.names.Reading;

/**
 * The explainable scorer of issue 4. Name similarity is an order-insensitive alignment of the tokens of the best pair
 * of readings (transliteration, pinyin, English translation of Chinese company words): every token is matched to at
 * most one token, or to a run of adjacent tokens written as one word (Jinping = jin ping, PolPot = Pol Pot), Latin
 * tokens with a spelling tolerance bounded by their length, Han-derived tokens and numbers exactly. Tokens weigh by
 * kind (distinctive word > common company word > stop word; legal forms not at all, their difference is only
 * reported). What the shorter name leaves unmatched costs much, what the longer one leaves unmatched (a dropped middle
 * name) costs little. Then an identical identifier is decisive, a different country or an incompatible schema lowers
 * the score. Every comparison carries the features that produced it.
 */
final class ExplainableMatcher implements NameMatcher {

    static final double THRESHOLD = 0.70;

    /** Share of the score that does not depend on how much of the longer name is matched. */
    static final double SHORT_SIDE_SHARE = 0.7;

    static final double NO_DISTINCTIVE_MATCH_FACTOR = 0.6;
    static final double DIFFERENT_COUNTRY_FACTOR = 0.85;
    static final double SAME_COUNTRY_BONUS = 0.02;
    static final double SCHEMA_MISMATCH_FACTOR = 0.7;
    static final double DIFFERENT_IDENTIFIER_FACTOR = 0.9;
    static final double INITIAL_SIMILARITY = 0.7;

    private final IcuNameNormaliser normaliser;

    ExplainableMatcher(IcuNameNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    @Override
    public double threshold() {
        return THRESHOLD;
    }

    @Override
    public NameNormaliser normaliser() {
        return normaliser;
    }

    @Override
    public Comparison compare(NameQuery query, ListedEntry entry) {
        return compare(prepare(query), prepare(entry));
    }

    @Override
    public PreparedEntry prepare(ListedEntry entry) {
        Reading[][] names = new Reading[entry.names().size()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = normaliser.analyse(entry.names().get(i), entry.schema()).toArray(Reading[]::new);
        }
        return new EntryForm(entry, names, keys(entry.identifiers()));
    }

    @Override
    public PreparedQuery prepare(NameQuery query) {
        return new QueryForm(
                query,
                normaliser.analyse(query.name(), query.schema()).toArray(Reading[]::new),
                keys(query.identifiers()));
    }

    private static String[] keys(List<EntryIdentifier> identifiers) {
        return identifiers.stream()
                .map(EntryIdentifier::key)
                .filter(k -> k.length() >= 3)
                .distinct()
                .toArray(String[]::new);
    }

    @Override
    public Comparison compare(PreparedQuery preparedQuery, PreparedEntry preparedEntry) {
        QueryForm q = preparedQuery instanceof QueryForm f ? f : (QueryForm) prepare(preparedQuery.query());
        EntryForm e = preparedEntry instanceof EntryForm f ? f : (EntryForm) prepare(preparedEntry.entry());
        ListedEntry entry = e.entry;
        boolean person = "Person".equals(entry.schema()) || "Person".equals(q.query.schema());

        double best = -1;
        int bestName = 0;
        Reading bestQ = null;
        Reading bestE = null;
        for (int n = 0; n < e.names.length; n++) {
            for (Reading er : e.names[n]) {
                for (Reading qr : q.readings) {
                    double s = nameScore(qr, er, person, null);
                    if (s > best) {
                        best = s;
                        bestName = n;
                        bestQ = qr;
                        bestE = er;
                    }
                }
            }
        }
        Map<String, Object> features = new LinkedHashMap<>();
        double score = Math.max(best, 0);
        if (bestQ != null && bestE != null) {
            nameScore(bestQ, bestE, person, features);
            features.put("reading", bestQ.label() + "/" + bestE.label());
        } else {
            features.put("matchedTokens", List.of());
        }
        features.put("nameSimilarity", round(score));

        String country = q.query.country();
        String countryAgreement;
        if (country == null || entry.countries().isEmpty()) {
            countryAgreement = "unknown";
        } else if (entry.countries().contains(country)) {
            countryAgreement = "same";
            score = Math.min(1, score + SAME_COUNTRY_BONUS);
        } else {
            countryAgreement = "different";
            score *= DIFFERENT_COUNTRY_FACTOR;
        }
        features.put("countryAgreement", countryAgreement);

        boolean schemaCompatible = schemaCompatible(q.query.schema(), entry.schema());
        features.put("schemaCompatible", schemaCompatible);
        if (!schemaCompatible) {
            score *= SCHEMA_MISMATCH_FACTOR;
        }

        String identifierMatch = identifierMatch(q, e);
        features.put("identifierMatch", identifierMatch);
        if (identifierMatch.equals("same")) {
            score = 1.0;
        } else if (identifierMatch.equals("different")) {
            score *= DIFFERENT_IDENTIFIER_FACTOR;
        }
        return new Comparison(entry.names().get(bestName), round(score), features);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** {@code same} (decisive), {@code different} (both carry an identifier of one type, none equal) or {@code none}. */
    private static String identifierMatch(QueryForm q, EntryForm e) {
        for (String a : q.keys) {
            for (String b : e.keys) {
                if (a.equals(b)) {
                    return "same";
                }
            }
        }
        for (EntryIdentifier a : q.query.identifiers()) {
            for (EntryIdentifier b : e.entry.identifiers()) {
                if (!a.type().isEmpty() && a.type().equalsIgnoreCase(b.type())) {
                    return "different";
                }
            }
        }
        return "none";
    }

    private static boolean schemaCompatible(@Nullable String a, @Nullable String b) {
        if (a == null || b == null || a.equals(b) || a.equals("LegalEntity") || b.equals("LegalEntity")) {
            return true;
        }
        return organisation(a) && organisation(b);
    }

    private static boolean organisation(String schema) {
        return switch (schema) {
            case "Company", "Organization", "PublicBody", "LegalEntity" -> true;
            default -> false;
        };
    }

    private static double weight(NameToken.Kind kind) {
        return switch (kind) {
            case WORD, NUMBER -> 1.0;
            case COMMON -> 0.45;
            case STOP -> 0.15;
            case LEGAL_FORM -> 0.0;
        };
    }

    /**
     * Aligns two readings and scores them; fills {@code explain} with the aligned and unaligned tokens when given.
     */
    static double nameScore(Reading a, Reading b, boolean person, @Nullable Map<String, Object> explain) {
        int na = a.size();
        int nb = b.size();
        if (na == 0 || nb == 0) {
            return 0;
        }
        // Candidate alignments: (first token and run length on each side, similarity), packed in parallel arrays.
        int max = na * nb * 5 + 4;
        double[] sim = new double[max];
        int[] spans = new int[max];
        int count = 0;
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                double s = tokenSimilarity(a, i, b, j, person);
                if (s > 0) {
                    sim[count] = s;
                    spans[count++] = pack(i, 1, j, 1);
                }
            }
        }
        // One token written as a run of adjacent tokens on the other side.
        for (int len = 2; len <= 4; len++) {
            for (int i = 0; i < na; i++) {
                for (int j = 0; j + len <= nb; j++) {
                    double s = runSimilarity(a, i, b, j, len);
                    if (s > 0 && count < max) {
                        sim[count] = s;
                        spans[count++] = pack(i, 1, j, len);
                    }
                }
            }
            for (int j = 0; j < nb; j++) {
                for (int i = 0; i + len <= na; i++) {
                    double s = runSimilarity(b, j, a, i, len);
                    if (s > 0 && count < max) {
                        sim[count] = s;
                        spans[count++] = pack(i, len, j, 1);
                    }
                }
            }
        }
        // Greedy best-first assignment (names are short; this is the optimal one in all but contrived cases).
        double[] matchedA = new double[na];
        double[] matchedB = new double[nb];
        boolean[] usedA = new boolean[na];
        boolean[] usedB = new boolean[nb];
        List<String> pairs = explain == null ? null : new ArrayList<>();
        while (true) {
            int pick = -1;
            double top = 0;
            int topCover = 0;
            for (int c = 0; c < count; c++) {
                int cover = ((spans[c] >>> 8) & 0xff) + (spans[c] & 0xff);
                if ((sim[c] > top || (sim[c] == top && cover > topCover)) && free(spans[c], usedA, usedB)) {
                    pick = c;
                    top = sim[c];
                    topCover = cover;
                }
            }
            if (pick < 0) {
                break;
            }
            int p = spans[pick];
            int i = p >>> 24;
            int li = (p >>> 16) & 0xff;
            int j = (p >>> 8) & 0xff;
            int lj = p & 0xff;
            for (int k = i; k < i + li; k++) {
                usedA[k] = true;
                matchedA[k] = top;
            }
            for (int k = j; k < j + lj; k++) {
                usedB[k] = true;
                matchedB[k] = top;
            }
            if (pairs != null) {
                pairs.add(join(a, i, li) + "=" + join(b, j, lj) + (top < 1 ? " (" + round(top) + ")" : ""));
            }
        }

        double wa = 0;
        double ma = 0;
        double wb = 0;
        double mb = 0;
        double wordA = 0;
        double wordMatchedA = 0;
        double wordB = 0;
        double wordMatchedB = 0;
        for (int i = 0; i < na; i++) {
            double w = weight(a.kind(i));
            wa += w;
            ma += w * matchedA[i];
            if (a.kind(i) == NameToken.Kind.WORD || a.kind(i) == NameToken.Kind.NUMBER) {
                wordA += 1;
                wordMatchedA += matchedA[i];
            }
        }
        for (int j = 0; j < nb; j++) {
            double w = weight(b.kind(j));
            wb += w;
            mb += w * matchedB[j];
            if (b.kind(j) == NameToken.Kind.WORD || b.kind(j) == NameToken.Kind.NUMBER) {
                wordB += 1;
                wordMatchedB += matchedB[j];
            }
        }
        double score;
        if (wa == 0 || wb == 0) {
            // Nothing but legal forms on a side: compare what there is, all tokens alike.
            score = plainCoverage(matchedA) * plainCoverage(matchedB);
        } else {
            double ca = ma / wa;
            double cb = mb / wb;
            boolean aShort = wa < wb || (wa == wb && ca < cb);
            double cs = aShort ? ca : cb;
            double cl = aShort ? cb : ca;
            score = cs * (SHORT_SIDE_SHARE + (1 - SHORT_SIDE_SHARE) * cl);
            double shortWords = aShort ? wordA : wordB;
            double shortWordsMatched = aShort ? wordMatchedA : wordMatchedB;
            if (shortWords > 0 && shortWordsMatched == 0) {
                score *= NO_DISTINCTIVE_MATCH_FACTOR;
            }
        }
        if (explain != null) {
            explain.put("matchedTokens", pairs);
            explain.put("unmatchedQueryTokens", unmatched(a, usedA));
            explain.put("unmatchedEntryTokens", unmatched(b, usedB));
            explain.put("legalFormDiffers", legalFormDiffers(a, b));
        }
        return Math.min(1, score);
    }

    private static double plainCoverage(double[] matched) {
        double s = 0;
        for (double m : matched) {
            s += m;
        }
        return s / matched.length;
    }

    private static boolean legalFormDiffers(Reading a, Reading b) {
        Set<String> la = legalForms(a);
        Set<String> lb = legalForms(b);
        return !la.isEmpty() && !lb.isEmpty() && !la.equals(lb);
    }

    private static Set<String> legalForms(Reading r) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < r.size(); i++) {
            if (r.kind(i) == NameToken.Kind.LEGAL_FORM) {
                out.add(r.text(i));
            }
        }
        return out;
    }

    private static List<String> unmatched(Reading r, boolean[] used) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            if (!used[i]) {
                out.add(r.text(i));
            }
        }
        return out;
    }

    private static String join(Reading r, int from, int len) {
        StringBuilder b = new StringBuilder(r.text(from));
        for (int k = from + 1; k < from + len; k++) {
            b.append(' ').append(r.text(k));
        }
        return b.toString();
    }

    private static int pack(int i, int li, int j, int lj) {
        return (i << 24) | (li << 16) | (j << 8) | lj;
    }

    private static boolean free(int p, boolean[] usedA, boolean[] usedB) {
        int i = p >>> 24;
        int li = (p >>> 16) & 0xff;
        int j = (p >>> 8) & 0xff;
        int lj = p & 0xff;
        for (int k = i; k < i + li; k++) {
            if (usedA[k]) {
                return false;
            }
        }
        for (int k = j; k < j + lj; k++) {
            if (usedB[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalForms(Reading a, int i, Reading b, int j) {
        String ta = a.text(i);
        String[] altA = a.alternatives(i);
        String[] altB = b.alternatives(j);
        if (ta.equals(b.text(j)) || contains(altB, ta)) {
            return true;
        }
        if (altA != null) {
            for (String x : altA) {
                if (x.equals(b.text(j)) || contains(altB, x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String @Nullable [] arr, String s) {
        if (arr != null) {
            for (String x : arr) {
                if (x.equals(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    static double tokenSimilarity(Reading a, int i, Reading b, int j, boolean person) {
        if (equalForms(a, i, b, j)) {
            return 1;
        }
        NameToken.Kind ka = a.kind(i);
        NameToken.Kind kb = b.kind(j);
        if (a.fromHan(i) || b.fromHan(j) || ka == NameToken.Kind.NUMBER || kb == NameToken.Kind.NUMBER) {
            return 0;
        }
        if (ka == NameToken.Kind.LEGAL_FORM || kb == NameToken.Kind.LEGAL_FORM) {
            return 0;
        }
        String ta = a.text(i);
        String tb = b.text(j);
        if (person && (ta.length() == 1 || tb.length() == 1)) {
            return ta.charAt(0) == tb.charAt(0) ? INITIAL_SIMILARITY : 0;
        }
        if (a.consonantal(i) || b.consonantal(j)) {
            String sa = TokenSimilarity.skeleton(ta);
            String sb = TokenSimilarity.skeleton(tb);
            if (!sa.isEmpty() && sa.equals(sb)) {
                return 0.9;
            }
        }
        return TokenSimilarity.similarity(ta, tb);
    }

    /** Token {@code i} of {@code one} against the run of {@code len} tokens from {@code j} of {@code other}. */
    private static double runSimilarity(Reading one, int i, Reading other, int j, int len) {
        if (one.kind(i) == NameToken.Kind.LEGAL_FORM || one.kind(i) == NameToken.Kind.NUMBER) {
            return 0;
        }
        String t = one.text(i);
        if (!one.fromHan(i) && !other.fromHan(j) && t.charAt(0) != other.text(j).charAt(0)) {
            return 0; // cheap filter: a joined spelling starts like its first part
        }
        boolean exact = one.fromHan(i);
        int total = 0;
        for (int k = j; k < j + len; k++) {
            if (other.kind(k) == NameToken.Kind.LEGAL_FORM) {
                return 0;
            }
            exact |= other.fromHan(k);
            total += other.text(k).length();
        }
        if (exact) {
            return consumes(t, 0, other, j, j + len) || consumesAlternatives(one, i, other, j, len) ? 1 : 0;
        }
        if (Math.abs(total - t.length()) > TokenSimilarity.allowedEdits(t.length())) {
            return 0;
        }
        StringBuilder joined = new StringBuilder(total);
        for (int k = j; k < j + len; k++) {
            joined.append(other.text(k));
        }
        return TokenSimilarity.similarity(t, joined.toString());
    }

    private static boolean consumesAlternatives(Reading one, int i, Reading other, int j, int len) {
        String[] alt = one.alternatives(i);
        if (alt != null) {
            for (String x : alt) {
                if (consumes(x, 0, other, j, j + len)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code t} from {@code pos} is exactly a spelling of tokens {@code k..end} joined. */
    private static boolean consumes(String t, int pos, Reading other, int k, int end) {
        if (k == end) {
            return pos == t.length();
        }
        if (t.startsWith(other.text(k), pos) && consumes(t, pos + other.text(k).length(), other, k + 1, end)) {
            return true;
        }
        String[] alt = other.alternatives(k);
        if (alt != null) {
            for (String x : alt) {
                if (t.startsWith(x, pos) && consumes(t, pos + x.length(), other, k + 1, end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An entry normalised once. */
    static final class EntryForm implements PreparedEntry {
        final ListedEntry entry;
        final Reading[][] names;
        final String[] keys;

        EntryForm(ListedEntry entry, Reading[][] names, String[] keys) {
            this.entry = entry;
            this.names = names;
            this.keys = keys;
        }

        @Override
        public ListedEntry entry() {
            return entry;
        }

        @Override
        public List<NameToken> tokens() {
            LinkedHashSet<NameToken> all = new LinkedHashSet<>();
            for (Reading[] name : names) {
                for (Reading r : name) {
                    all.addAll(r.tokens());
                }
            }
            return List.copyOf(all);
        }

        @Override
        public List<String> identifierKeys() {
            return Arrays.asList(keys);
        }
    }

    /** A query normalised once. */
    static final class QueryForm implements PreparedQuery {
        final NameQuery query;
        final Reading[] readings;
        final String[] keys;

        QueryForm(NameQuery query, Reading[] readings, String[] keys) {
            this.query = query;
            this.readings = readings;
            this.keys = keys;
        }

        @Override
        public NameQuery query() {
            return query;
        }

        @Override
        public List<NameToken> tokens() {
            LinkedHashSet<NameToken> all = new LinkedHashSet<>();
            for (Reading r : readings) {
                all.addAll(r.tokens());
            }
            return List.copyOf(all);
        }

        @Override
        public List<String> identifierKeys() {
            return Arrays.asList(keys);
        }
    }
}
