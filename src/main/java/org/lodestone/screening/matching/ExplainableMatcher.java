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
    /**
     * Names written with Arabic numbers that share none (Belmortor Energy No. 24 JSC / No. 849 JSC) name different
     * registered entities. A fixed factor, not a learned weight: the labelled pairs hold no such pair apart from
     * vessels (whose numbers may differ), securitisation series that share a year (2004-1 / 2004-2) and funds
     * numbered in Roman numerals (Fund V / VI), all matches, so the model cannot learn it.
     */
    static final double NO_NUMBER_IN_COMMON_FACTOR = 0.7;

    /**
     * Two person names both written in Chinese characters name the same person only with the same characters in the
     * same order (董涛娜 is not 董娜涛, 董轩国 not 董轩): their pinyin may align, the characters decide.
     */
    static final double HAN_PERSON_DIFFERS_FACTOR = 0.7;

    static final double DIFFERENT_IDENTIFIER_FACTOR = 0.9;
    static final double INITIAL_SIMILARITY = 0.7;
    static final double ACRONYM_SIMILARITY = 0.9;
    static final double SOUND_SIMILARITY = 0.8;

    private final IcuNameNormaliser normaliser;
    private final NameModel model;

    ExplainableMatcher(IcuNameNormaliser normaliser) {
        this(normaliser, NameModel.shipped());
    }

    ExplainableMatcher(IcuNameNormaliser normaliser, NameModel model) {
        this.normaliser = normaliser;
        this.model = model;
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

    private static boolean hanPersonDiffers(String queryName, String entryName) {
        String q = IcuNameNormaliser.hanCharacters(queryName);
        if (q == null) {
            return false;
        }
        String e = IcuNameNormaliser.hanCharacters(entryName);
        return e != null && !e.equals(q);
    }

    @Override
    public Comparison compare(PreparedQuery preparedQuery, PreparedEntry preparedEntry) {
        QueryForm q = preparedQuery instanceof QueryForm f ? f : (QueryForm) prepare(preparedQuery.query());
        EntryForm e = preparedEntry instanceof EntryForm f ? f : (EntryForm) prepare(preparedEntry.entry());
        ListedEntry entry = e.entry;
        boolean person = "Person".equals(entry.schema()) || "Person".equals(q.query.schema());
        boolean vessel = "Vessel".equals(entry.schema()) || "Vessel".equals(q.query.schema());

        double best = -1;
        int bestName = 0;
        Reading bestQ = null;
        Reading bestE = null;
        Scratch scratch = SCRATCH.get();
        scratch.vessel = vessel;
        search:
        for (int n = 0; n < e.names.length; n++) {
            for (Reading er : e.names[n]) {
                for (Reading qr : q.readings) {
                    double s = nameScore(qr, er, person, null, scratch);
                    if (s > best) {
                        best = s;
                        bestName = n;
                        bestQ = qr;
                        bestE = er;
                        System.arraycopy(scratch.features, 0, scratch.bestFeatures, 0, scratch.features.length);
                        scratch.bestNoNumberInCommon = scratch.noNumberInCommon;
                        if (s >= 1) {
                            break search;
                        }
                    }
                }
            }
        }
        // Written in Arabic digits on both sides: Roman numerals (Fund V / Fund VI) number a series of one sponsor
        boolean noNumberInCommon = bestQ != null
                && scratch.bestNoNumberInCommon
                && hasDigit(q.query.name())
                && hasDigit(entry.names().get(bestName));
        boolean hanPersonDiffers = person
                && bestQ != null
                && hanPersonDiffers(q.query.name(), entry.names().get(bestName));
        double nameSimilarity = (bestQ == null ? 0 : model.apply(scratch.bestFeatures, Math.max(best, 0)))
                * (noNumberInCommon ? NO_NUMBER_IN_COMMON_FACTOR : 1)
                * (hanPersonDiffers ? HAN_PERSON_DIFFERS_FACTOR : 1);
        double score = nameSimilarity;

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

        boolean schemaCompatible = schemaCompatible(q.query.schema(), entry.schema());
        if (!schemaCompatible) {
            score *= SCHEMA_MISMATCH_FACTOR;
        }

        String identifierMatch = identifierMatch(q, e);
        if (identifierMatch.equals("same")) {
            score = 1.0;
        } else if (identifierMatch.equals("different")) {
            score *= DIFFERENT_IDENTIFIER_FACTOR;
        }
        Reading explainQ = bestQ;
        Reading explainE = bestE;
        // The explanation is built when a reviewer (or the hit store) reads it, not for every scored candidate.
        Features features = new Features(() -> {
            Map<String, Object> f = new LinkedHashMap<>();
            if (explainQ != null && explainE != null) {
                Scratch sc = SCRATCH.get();
                sc.vessel = vessel;
                nameScore(explainQ, explainE, person, f, sc);
                f.put("reading", explainQ.label() + "/" + explainE.label());
                double[] nameFeatures = sc.features.clone();
                f.put("nameFeatures", NameModel.named(nameFeatures));
                f.put("nameModel", model.contributions(nameFeatures));
            } else {
                f.put("matchedTokens", List.of());
            }
            f.put("nameSimilarity", round(nameSimilarity));
            f.put("countryAgreement", countryAgreement);
            f.put("noNumberInCommon", noNumberInCommon);
            f.put("hanPersonDiffers", hanPersonDiffers);
            f.put("schemaCompatible", schemaCompatible);
            f.put("identifierMatch", identifierMatch);
            return f;
        });
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

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
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
        return nameScore(a, b, person, explain, SCRATCH.get());
    }

    /** Per-thread work arrays: a comparison allocates nothing. */
    static final class Scratch {
        static final int TOKENS = IcuNameNormaliser.MAX_TOKENS;
        final double[] sim = new double[TOKENS * TOKENS * 7 + 4];
        final int[] spans = new int[TOKENS * TOKENS * 7 + 4];
        final double[] matchedA = new double[TOKENS];
        final double[] matchedB = new double[TOKENS];
        final boolean[] usedA = new boolean[TOKENS];
        final boolean[] usedB = new boolean[TOKENS];
        final StringBuilder joined = new StringBuilder(64);
        final int[] pickA = new int[TOKENS];
        final int[] pickB = new int[TOKENS];
        /** The first token of the other side each token is aligned with, or -1. */
        final int[] partnerA = new int[TOKENS];

        final int[] partnerB = new int[TOKENS];
        /** Whether the token is aligned only through an initial or an acronym (N. = Nursultan, NN = N… N…). */
        final boolean[] initialA = new boolean[TOKENS];

        final boolean[] initialB = new boolean[TOKENS];
        int picks;
        int acronyms;
        /** Whether a vessel is compared: its hull or series number may differ between lists, a company's may not. */
        boolean vessel;
        /** Set by {@code features}: the names share no number (not a model feature, see the factor). */
        boolean noNumberInCommon;

        boolean bestNoNumberInCommon;
        final double[] features = new double[NameModel.FEATURES.size()];
        final double[] bestFeatures = new double[NameModel.FEATURES.size()];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static double nameScore(
            Reading a, Reading b, boolean person, @Nullable Map<String, Object> explain, Scratch scratch) {
        int na = Math.min(a.size(), Scratch.TOKENS);
        int nb = Math.min(b.size(), Scratch.TOKENS);
        if (na == 0 || nb == 0) {
            return 0;
        }
        // Candidate alignments: (first token and run length on each side, similarity), packed in parallel arrays.
        int max = scratch.sim.length;
        double[] sim = scratch.sim;
        int[] spans = scratch.spans;
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
                    double s = runSimilarity(a, i, b, j, len, scratch.joined);
                    if (s > 0 && count < max) {
                        sim[count] = s;
                        spans[count++] = pack(i, 1, j, len);
                    }
                }
            }
            for (int j = 0; j < nb; j++) {
                for (int i = 0; i + len <= na; i++) {
                    double s = runSimilarity(b, j, a, i, len, scratch.joined);
                    if (s > 0 && count < max) {
                        sim[count] = s;
                        spans[count++] = pack(i, len, j, 1);
                    }
                }
            }
        }
        // Greedy best-first assignment (names are short; this is the optimal one in all but contrived cases).
        double[] matchedA = scratch.matchedA;
        double[] matchedB = scratch.matchedB;
        boolean[] usedA = scratch.usedA;
        boolean[] usedB = scratch.usedB;
        Arrays.fill(matchedA, 0, na, 0);
        Arrays.fill(matchedB, 0, nb, 0);
        Arrays.fill(usedA, 0, na, false);
        Arrays.fill(usedB, 0, nb, false);
        Arrays.fill(scratch.partnerA, 0, na, -1);
        Arrays.fill(scratch.partnerB, 0, nb, -1);
        Arrays.fill(scratch.initialA, 0, na, false);
        Arrays.fill(scratch.initialB, 0, nb, false);
        List<String> pairs = explain == null ? null : new ArrayList<>();
        scratch.picks = 0;
        scratch.acronyms = 0;
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
            boolean acronym = (li > 1 || lj > 1) && top == ACRONYM_SIMILARITY;
            if (acronym) {
                scratch.acronyms++;
            }
            boolean initial = acronym
                    || (li == 1
                            && lj == 1
                            && (a.text(i).length() == 1 || b.text(j).length() == 1));
            if (scratch.picks < Scratch.TOKENS) {
                scratch.pickA[scratch.picks] = i;
                scratch.pickB[scratch.picks++] = j;
            }
            for (int k = i; k < i + li; k++) {
                usedA[k] = true;
                matchedA[k] = top;
                scratch.partnerA[k] = j;
                scratch.initialA[k] = initial;
            }
            for (int k = j; k < j + lj; k++) {
                usedB[k] = true;
                matchedB[k] = top;
                scratch.partnerB[k] = i;
                scratch.initialB[k] = initial;
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
        double cs;
        double cl;
        boolean aShort;
        if (wa == 0 || wb == 0) {
            // Nothing but legal forms on a side: compare what there is, all tokens alike.
            double pa = plainCoverage(matchedA, na);
            double pb = plainCoverage(matchedB, nb);
            score = pa * pb;
            aShort = na <= nb;
            cs = aShort ? pa : pb;
            cl = aShort ? pb : pa;
        } else {
            double ca = ma / wa;
            double cb = mb / wb;
            aShort = wa < wb || (wa == wb && ca < cb);
            cs = aShort ? ca : cb;
            cl = aShort ? cb : ca;
            score = cs * (SHORT_SIDE_SHARE + (1 - SHORT_SIDE_SHARE) * cl);
            double shortWords = aShort ? wordA : wordB;
            double shortWordsMatched = aShort ? wordMatchedA : wordMatchedB;
            if (shortWords > 0 && shortWordsMatched == 0) {
                score *= NO_DISTINCTIVE_MATCH_FACTOR;
            }
        }
        score = Math.min(1, score);
        features(a, b, na, nb, aShort, score, cs, cl, person, scratch);
        if (explain != null) {
            explain.put("matchedTokens", pairs);
            explain.put("unmatchedQueryTokens", unmatched(a, usedA));
            explain.put("unmatchedEntryTokens", unmatched(b, usedB));
            explain.put("legalFormDiffers", legalFormDiffers(a, b));
        }
        return score;
    }

    /**
     * The explainable features of an alignment, for the {@link NameModel}, into {@code scratch.features} (order of
     * {@link NameModel#FEATURES}).
     */
    private static void features(
            Reading a,
            Reading b,
            int na,
            int nb,
            boolean aShort,
            double score,
            double cs,
            double cl,
            boolean person,
            Scratch scratch) {
        int unmatchedA = 0;
        int unmatchedB = 0;
        int wordsA = 0;
        int wordsB = 0;
        double fuzz = 0;
        double minSim = 1;
        int initials = 0;
        int numbersA = 0;
        int numbersB = 0;
        int unmatchedNumbers = 0;
        boolean sharedCode = false;
        int shortUnmatchedA = 0;
        int shortUnmatchedB = 0;
        int commonUnmatchedA = 0;
        int commonUnmatchedB = 0;
        double maxEdits = 0;
        for (int i = 0; i < na; i++) {
            NameToken.Kind k = a.kind(i);
            double m = scratch.matchedA[i];
            if (k == NameToken.Kind.WORD || k == NameToken.Kind.NUMBER) {
                wordsA++;
                // A number left unaligned is not counted as an unmatched word: numbersDisagree and numberOnOneSide
                // say what it means (a fund's or a trust's series number differs, the lists' same issuer)
                if (m == 0 && k == NameToken.Kind.WORD) {
                    unmatchedA++;
                    shortUnmatchedA += shortLatin(a, i) ? 1 : 0;
                } else if (!scratch.initialA[i]) {
                    // An initial or an acronym that agrees is no misspelling: it counts among initialsUsed and
                    // acronymsUsed, not as edits (N. = Nursultan is not nine letters wrong)
                    fuzz += 1 - m;
                    minSim = Math.min(minSim, m);
                    maxEdits = Math.max(maxEdits, Math.round((1 - m) * a.text(i).length()));
                } else if (initialForWord(a.text(i), b.text(scratch.partnerA[i]))) {
                    maxEdits = Math.max(maxEdits, 1);
                }
                if (m > 0 && a.text(i).length() == 1) {
                    initials++;
                }
                sharedCode |= m > 0 && k == NameToken.Kind.WORD && hasDigit(a.text(i));
            }
            if (k == NameToken.Kind.COMMON && m == 0) {
                commonUnmatchedA++;
            }
            if (k == NameToken.Kind.NUMBER) {
                numbersA++;
                unmatchedNumbers += m == 0 ? 1 : 0;
            }
        }
        for (int j = 0; j < nb; j++) {
            NameToken.Kind k = b.kind(j);
            double m = scratch.matchedB[j];
            if (k == NameToken.Kind.WORD || k == NameToken.Kind.NUMBER) {
                wordsB++;
                if (m == 0 && k == NameToken.Kind.WORD) {
                    unmatchedB++;
                    shortUnmatchedB += shortLatin(b, j) ? 1 : 0;
                } else if (!scratch.initialB[j]) {
                    // An initial or an acronym that agrees is no misspelling: it counts among initialsUsed and
                    // acronymsUsed, not as edits (N. = Nursultan is not nine letters wrong)
                    fuzz += 1 - m;
                    minSim = Math.min(minSim, m);
                    maxEdits = Math.max(maxEdits, Math.round((1 - m) * b.text(j).length()));
                } else if (initialForWord(b.text(j), a.text(scratch.partnerB[j]))) {
                    maxEdits = Math.max(maxEdits, 1);
                }
                if (m > 0 && b.text(j).length() == 1) {
                    initials++;
                }
                sharedCode |= m > 0 && k == NameToken.Kind.WORD && hasDigit(b.text(j));
            }
            if (k == NameToken.Kind.COMMON && m == 0) {
                commonUnmatchedB++;
            }
            if (k == NameToken.Kind.NUMBER) {
                numbersB++;
                unmatchedNumbers += m == 0 ? 1 : 0;
            }
        }
        int unmatchedShort = aShort ? unmatchedA : unmatchedB;
        int unmatchedLong = aShort ? unmatchedB : unmatchedA;
        int wordsShort = aShort ? wordsA : wordsB;
        double[] f = scratch.features;
        f[0] = 1;
        f[1] = score;
        f[2] = cs;
        f[3] = cl;
        f[4] = unmatchedShort;
        f[5] = unmatchedLong;
        f[6] = Math.min(unmatchedShort, unmatchedLong);
        f[7] = fuzz / 2;
        f[8] = 1 - minSim;
        f[9] = initials;
        f[10] = numbersA > 0 && numbersB > 0 && unmatchedNumbers > 0 ? 1 : 0;
        f[11] = (numbersA > 0) != (numbersB > 0) ? 1 : 0;
        f[12] = legalFormsDiffer(a, na, b, nb) ? 1 : 0;
        f[13] = wordsShort <= 1 ? 1 : 0;
        f[14] = person ? 1 : 0;
        f[15] = person ? fuzz / 2 : 0;
        f[16] = Math.min(shortUnmatchedA, shortUnmatchedB);
        int crossings = 0;
        for (int p = 0; p < scratch.picks; p++) {
            for (int q = p + 1; q < scratch.picks; q++) {
                if ((scratch.pickA[p] - scratch.pickA[q]) * (scratch.pickB[p] - scratch.pickB[q]) < 0) {
                    crossings++;
                }
            }
        }
        f[17] = crossings;
        f[18] = person ? crossings : 0;
        f[19] = aShort ? commonUnmatchedA : commonUnmatchedB;
        f[20] = Math.min(commonUnmatchedA, commonUnmatchedB);
        f[21] = Math.min(maxEdits, 4);
        f[22] = person ? Math.min(maxEdits, 4) : 0;
        f[23] = scratch.acronyms;
        f[24] = person ? scratch.acronyms : 0;
        f[25] = person && patronymReversed(a, na, b, nb, scratch) ? 1 : 0;
        f[26] = person
                ? unmatchedPatronymics(a, na, scratch.matchedA, b, nb)
                        + unmatchedPatronymics(b, nb, scratch.matchedB, a, na)
                : 0;
        Reading shorter = aShort ? a : b;
        Reading longer = aShort ? b : a;
        int ns = aShort ? na : nb;
        int nl = aShort ? nb : na;
        double[] matchedShorter = aShort ? scratch.matchedA : scratch.matchedB;
        double[] matchedLonger = aShort ? scratch.matchedB : scratch.matchedA;
        f[27] = !person && genericShortName(shorter, ns, longer, nl, matchedLonger) ? 1 : 0;
        f[28] = person && initialsOnly(shorter, ns, matchedShorter, aShort ? scratch.initialA : scratch.initialB)
                ? 1
                : 0;
        f[29] = person
                        && givenNameOnly(
                                shorter,
                                ns,
                                matchedShorter,
                                aShort ? scratch.partnerA : scratch.partnerB,
                                longer,
                                nl,
                                matchedLonger)
                ? 1
                : 0;
        // No number in common at all (No. 24 / No. 849) rather than one number of a series differing beside a shared
        // one or beside a shared code of letters and digits (Trust 2005-AR16 / 2006-AR16), a securitisation series
        // the lists treat as one issuer; a vessel's hull or series number may differ between lists
        scratch.noNumberInCommon = !scratch.vessel
                && !sharedCode
                && numbersA > 0
                && numbersB > 0
                && unmatchedNumbers == numbersA + numbersB;
    }

    /** Words that join a person's name to a parent's in Arabic, Hebrew and Berber naming (X bin Y: X, son of Y). */
    private static boolean sonOf(Reading r, int k, int n) {
        if (k < 0 || k >= n) {
            return false;
        }
        return switch (r.text(k)) {
            case "bin", "ibn", "bint", "binti", "ben", "bat", "ould" -> true;
            default -> false;
        };
    }

    /**
     * Whether a name aligned with one standing before a "son of" particle on one side stands after one on the other
     * (Salman bin Muhammad / Muhammad bin Salman): the father and the son are swapped, another person.
     */
    private static boolean patronymReversed(Reading a, int na, Reading b, int nb, Scratch scratch) {
        for (int i = 0; i < na; i++) {
            int j = scratch.partnerA[i];
            if (j < 0 || a.kind(i) != NameToken.Kind.WORD) {
                continue;
            }
            // The word's roles: before a particle it names a child, after one a parent (in X bin Y bin Z, Y is both)
            int roleA = (sonOf(a, i + 1, na) ? 1 : 0) | (sonOf(a, i - 1, na) ? 2 : 0);
            int roleB = (sonOf(b, j + 1, nb) ? 1 : 0) | (sonOf(b, j - 1, nb) ? 2 : 0);
            if (roleA != 0 && roleB != 0 && (roleA & roleB) == 0) {
                return true;
            }
        }
        return false;
    }

    /** An East Slavic patronymic (Viktorovich, Oleksandrovych, Ivanovna): a middle name lists often leave out. */
    static boolean patronymic(String t) {
        return t.length() >= 7
                && (t.endsWith("ovich")
                        || t.endsWith("evich")
                        || t.endsWith("ovych")
                        || t.endsWith("evych")
                        || t.endsWith("ovitch")
                        || t.endsWith("evitch")
                        || t.endsWith("ovna")
                        || t.endsWith("evna")
                        || t.endsWith("ivna"));
    }

    /**
     * Patronymics of a name of three words or more left unaligned while the other name has none: the other name
     * leaves it out (Sergey Lavrov / Sergey Viktorovich Lavrov), which is not a different word.
     */
    private static int unmatchedPatronymics(Reading r, int n, double[] matched, Reading other, int no) {
        int words = 0;
        int unmatched = 0;
        for (int i = 0; i < n; i++) {
            if (r.kind(i) == NameToken.Kind.WORD) {
                words++;
                if (matched[i] == 0 && patronymic(r.text(i))) {
                    unmatched++;
                }
            }
        }
        if (unmatched == 0 || words < 3) {
            return 0;
        }
        for (int i = 0; i < no; i++) {
            if (patronymic(other.text(i))) {
                return 0;
            }
        }
        return unmatched;
    }

    /**
     * Whether the shorter person name is one word, aligned with the first word of a longer name whose last word is
     * left unaligned (Walijan / Walijan Abdul Ghafoor Haqqani): a given name alone is shared by many people, a
     * family name alone (Erdoğan / Recep Tayyip Erdoğan) much less.
     */
    private static boolean givenNameOnly(
            Reading shorter,
            int ns,
            double[] matchedShorter,
            int[] partnerShorter,
            Reading longer,
            int nl,
            double[] matchedLonger) {
        int word = -1;
        for (int i = 0; i < ns; i++) {
            if (shorter.kind(i) == NameToken.Kind.WORD) {
                if (word >= 0) {
                    return false;
                }
                word = i;
            }
        }
        if (word < 0 || matchedShorter[word] == 0) {
            return false;
        }
        int first = -1;
        int last = -1;
        for (int j = 0; j < nl; j++) {
            if (longer.kind(j) == NameToken.Kind.WORD) {
                first = first < 0 ? j : first;
                last = j;
            }
        }
        return first != last && partnerShorter[word] == first && matchedLonger[last] == 0;
    }

    /**
     * Whether the shorter organisation name has no distinctive word at all (Management Company) while the longer one
     * has a distinctive word left unaligned: common words alone are shared by many unrelated organisations.
     */
    private static boolean genericShortName(Reading shorter, int ns, Reading longer, int nl, double[] matchedLonger) {
        for (int i = 0; i < ns; i++) {
            if (shorter.kind(i) == NameToken.Kind.WORD || shorter.kind(i) == NameToken.Kind.NUMBER) {
                return false;
            }
        }
        for (int i = 0; i < nl; i++) {
            if (longer.kind(i) == NameToken.Kind.WORD && matchedLonger[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a single letter stands for a whole word on the other side. Such an initial confirms one letter of the
     * word, no more: for mostEditsInAWord it is as uncertain as one misspelt letter, so an alias written with an
     * initial (J. Branwood) no longer outranks the full name with one typo (Jshua Branwood / Joshua Branwood).
     */
    private static boolean initialForWord(String token, String partner) {
        return (token.length() == 1) != (partner.length() == 1);
    }

    /** Whether the shorter person name is aligned only through initials or acronyms (N. N. / Nursultan Nazarbayev). */
    private static boolean initialsOnly(Reading r, int n, double[] matched, boolean[] initial) {
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (r.kind(i) == NameToken.Kind.WORD && matched[i] > 0) {
                if (!initial[i]) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * A short word written in Latin letters (a romanised syllable such as a Korean given-name part): its spelling
     * varies, unlike a Chinese character or a Hangul syllable, which are different names when they differ.
     */
    private static boolean shortLatin(Reading r, int i) {
        return r.text(i).length() <= 3 && !r.fromHan(i) && !r.syllabic(i);
    }

    private static boolean legalFormsDiffer(Reading a, int na, Reading b, int nb) {
        boolean anyA = false;
        boolean anyB = false;
        boolean differ = false;
        for (int i = 0; i < na; i++) {
            if (a.kind(i) == NameToken.Kind.LEGAL_FORM) {
                anyA = true;
                differ |= !hasLegalForm(b, nb, a.text(i));
            }
        }
        for (int j = 0; j < nb; j++) {
            if (b.kind(j) == NameToken.Kind.LEGAL_FORM) {
                anyB = true;
                differ |= !hasLegalForm(a, na, b.text(j));
            }
        }
        return anyA && anyB && differ;
    }

    private static boolean hasLegalForm(Reading r, int n, String form) {
        for (int i = 0; i < n; i++) {
            if (r.kind(i) == NameToken.Kind.LEGAL_FORM && r.text(i).equals(form)) {
                return true;
            }
        }
        return false;
    }

    private static double plainCoverage(double[] matched, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += matched[i];
        }
        return s / n;
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
        int ca = a.character(i);
        int cb = b.character(j);
        if (ca != 0 && cb != 0) {
            // Two Chinese characters are the same name only as the same character: homophones are other names.
            return ca == cb;
        }
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
        if (a.syllabic(i) && b.syllabic(j)) {
            return 0; // Hangul or kana on both sides: another syllable is another name
        }
        if (a.consonantal(i) || b.consonantal(j)) {
            String sa = TokenSimilarity.skeleton(ta);
            String sb = TokenSimilarity.skeleton(tb);
            if (!sa.isEmpty() && sa.equals(sb)) {
                return 0.9;
            }
        }
        double similarity = TokenSimilarity.similarity(ta, tb);
        if (similarity < SOUND_SIMILARITY
                && ta.length() >= 4
                && tb.length() >= 4
                && ta.charAt(0) == tb.charAt(0)
                && TokenSimilarity.sameSound(ta, tb)) {
            return SOUND_SIMILARITY; // Husayn ~ Hussein, Nooristani ~ Nuristani
        }
        return similarity;
    }

    /** Token {@code i} of {@code one} against the run of {@code len} tokens from {@code j} of {@code other}. */
    private static double runSimilarity(Reading one, int i, Reading other, int j, int len, StringBuilder joined) {
        if (one.kind(i) == NameToken.Kind.LEGAL_FORM || one.kind(i) == NameToken.Kind.NUMBER) {
            return 0;
        }
        String t = one.text(i);
        boolean alternatives = one.alternatives(i) != null || other.alternatives(j) != null;
        if (!alternatives
                && !one.fromHan(i)
                && !other.fromHan(j)
                && t.charAt(0) != other.text(j).charAt(0)) {
            return 0; // cheap filter: a joined spelling starts like its first part
        }
        if (t.length() == len && !one.fromHan(i) && acronym(t, other, j, len)) {
            return ACRONYM_SIMILARITY;
        }
        if (alternatives && (consumes(t, 0, other, j, j + len) || consumesAlternatives(one, i, other, j, len))) {
            return 1;
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
        joined.setLength(0);
        for (int k = j; k < j + len; k++) {
            joined.append(other.text(k));
        }
        return TokenSimilarity.similarity(t, joined);
    }

    /** Whether {@code t} is the initials of the run (PLA = People's Liberation Army), a run of real words. */
    private static boolean acronym(String t, Reading other, int j, int len) {
        for (int k = 0; k < len; k++) {
            String w = other.text(j + k);
            if (w.length() < 2 || w.charAt(0) != t.charAt(k) || other.kind(j + k) == NameToken.Kind.NUMBER) {
                return false;
            }
        }
        return true;
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
