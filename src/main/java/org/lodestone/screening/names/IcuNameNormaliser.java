package org.lodestone.screening.names;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Normalises names with ICU4J: NFKC case folding (which also folds full-width forms), Traditional to Simplified
 * Chinese, Hanzi to toneless pinyin (one token per character, with the surname reading of a person's first character
 * and every reading of the common polyphonic characters as alternatives), every other script to Latin and then to
 * ASCII. Legal forms, common company words and stop words are recognised from the project's tables; a Chinese
 * organisation name also gets a reading where its company words are translated to English, and a Latin name written in
 * Wade–Giles gets the pinyin of its syllables as alternatives.
 */
public final class IcuNameNormaliser implements NameNormaliser {

    /** Longer names are cut: no real name is this long, and the work must stay bounded. */
    static final int MAX_CODE_POINTS = 600;

    /** Tokens kept per reading. */
    public static final int MAX_TOKENS = 24;

    /** Readings expanded by {@link #normalise} from the alternatives of polyphonic characters. */
    static final int MAX_READINGS = 8;

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

    // Transliterators are not thread-safe; one set per thread.
    private static final ThreadLocal<Transliterators> TRANSLITERATORS = ThreadLocal.withInitial(Transliterators::new);

    private static final class Transliterators {
        final Transliterator toSimplified = Transliterator.getInstance("Hant-Hans");
        final Transliterator hanToLatin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        final Transliterator surnameToLatin = Transliterator.getInstance("Han-Latin/Names; Latin-ASCII");
        final Transliterator anyToAscii = Transliterator.getInstance("Any-Latin; Latin-ASCII");
        final Transliterator russianBgn = Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
    }

    private static final Map<Integer, String> HAN_READING = new ConcurrentHashMap<>();
    private static volatile @Nullable Set<String> pinyinSyllables;

    private final NameTables tables;

    public IcuNameNormaliser() {
        this.tables = new NameTables(this::plainTokens, this::nameTokens);
    }

    @Override
    public NormalisedName normalise(String name, @Nullable String schema) {
        List<List<NameToken>> readings = new ArrayList<>();
        for (Reading r : analyse(name, schema)) {
            expand(r, 0, new ArrayList<>(), readings);
        }
        if (readings.isEmpty()) {
            readings.add(List.of());
        }
        return new NormalisedName(name, readings);
    }

    private static void expand(Reading r, int i, List<NameToken> prefix, List<List<NameToken>> out) {
        if (out.size() >= MAX_READINGS) {
            return;
        }
        if (i == r.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        String[] alt = r.alternatives(i);
        int n = alt == null || !r.fromHan(i) ? 1 : alt.length + 1;
        for (int k = 0; k < n; k++) {
            String text = k == 0 ? r.text(i) : alt[k - 1];
            prefix.add(new NameToken(text, r.kind(i), r.fromHan(i)));
            expand(r, i + 1, prefix, out);
            prefix.removeLast();
        }
    }

    /**
     * The readings of a name, compact, for the matcher: the first is the transliteration; a Chinese organisation name
     * has a second where its company words are in English. Empty when the name has no letters or digits.
     */
    public List<Reading> analyse(String name, @Nullable String schema) {
        boolean person = "Person".equals(schema);
        String folded = fold(person ? sanitise(name) : gluedLegalForms(sanitise(name)));
        Builder main = new Builder("latin");
        Builder translated = new Builder("translated");
        boolean hasHan = false;
        boolean translatedDiffers = false;
        int i = 0;
        while (i < folded.length()) {
            int start = i;
            boolean han = isHan(folded.codePointAt(i));
            while (i < folded.length() && isHan(folded.codePointAt(i)) == han) {
                i += Character.charCount(folded.codePointAt(i));
            }
            String run = folded.substring(start, i);
            if (han) {
                boolean first = !hasHan && main.size() == 0;
                hasHan = true;
                main.label = "pinyin";
                translatedDiffers |= hanRun(run, person, first, main, translated);
            } else {
                latinRun(run, person, main, translated);
            }
        }
        if (!hasHan) {
            addWadeGiles(main);
        }
        List<Reading> out = new ArrayList<>(2);
        if (main.size() > 0) {
            out.add(main.build());
        }
        if (translatedDiffers && translated.size() > 0) {
            out.add(translated.build());
        }
        if (!hasHan && hasCyrillic(folded)) {
            Builder bgn = new Builder("bgn");
            latinRun(bgnWords(folded), person, bgn, new Builder("bgn"));
            if (bgn.size() > 0) {
                out.add(bgn.build());
            }
        }
        if (hasHan
                && (folded.indexOf('\u00b7') >= 0 || folded.indexOf('\u30fb') >= 0 || folded.indexOf('\u2027') >= 0)) {
            Reading phonetic = phonetic(folded);
            if (phonetic != null) {
                out.add(phonetic);
            }
        }
        return out;
    }

    /**
     * A foreign name written in Chinese characters has its parts separated by an interpunct (贝拉克·奥巴马): each part
     * is a sequence of syllables that only sounds like the original, so it becomes one token of its concatenated
     * pinyin, compared on its consonants (Chinese writes r as l: aobama ~ Obama, beilake ~ Barack).
     */
    private @Nullable Reading phonetic(String folded) {
        Builder b = new Builder("phonetic");
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= folded.length(); ) {
            int cp = i < folded.length() ? folded.codePointAt(i) : ' ';
            if (i < folded.length() && isHan(cp)) {
                String r = HAN_READING.getOrDefault(cp, "");
                part.append(r.replace('l', 'r'));
            } else if (part.length() > 0) {
                b.add(part.toString(), null, NameToken.Kind.WORD, Reading.CONSONANTAL);
                part.setLength(0);
            }
            i += i < folded.length() ? Character.charCount(cp) : 1;
        }
        return b.size() > 1 ? b.build() : null;
    }

    /** Lower-case ASCII tokens of a text, with no table applied (used to load the tables). */
    List<String> plainTokens(String text) {
        List<String> out = new ArrayList<>();
        split(TRANSLITERATORS.get().anyToAscii.transliterate(NFKC_CF.normalize(text)), out);
        return out;
    }

    /** Lower-case ASCII tokens of a text as a name's are made, dotted acronyms joined (Sp. z o.o. → sp z oo). */
    List<String> nameTokens(String text) {
        List<String> out = new ArrayList<>();
        split(joinDottedAcronyms(TRANSLITERATORS.get().anyToAscii.transliterate(NFKC_CF.normalize(text))), out);
        return out;
    }

    private static String joinDottedAcronyms(String ascii) {
        if (ascii.indexOf('.') < 0) {
            return ascii;
        }
        // U.S. → us, A.B.C. → abc: a dotted acronym is one word, its letters in order.
        return DOTTED_ACRONYM.matcher(ascii).replaceAll(m -> m.group().replace(".", "") + " ");
    }

    /** NFKC case folding; pure ASCII (most names) is only lower-cased, without ICU. */
    private static String fold(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return NFKC_CF.normalize(s);
            }
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean hasCyrillic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x0400 && s.charAt(i) <= 0x04FF) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, String> BGN_WORDS = new ConcurrentHashMap<>();

    /**
     * A Cyrillic name as lists and queries romanise Russian, the BGN/PCGN way (Shchegolev, Yuriy, Mikhaylovich), which
     * the letter-for-letter reading does not give (segolev, jurij, mihajlovic): the name's second reading.
     */
    private static String bgnWords(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (String word : text.split(" ", -1)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String a = BGN_WORDS.get(word);
            if (a == null) {
                a = TRANSLITERATORS.get().russianBgn.transliterate(word);
                if (BGN_WORDS.size() >= ASCII_WORDS_MAX) {
                    BGN_WORDS.clear();
                }
                BGN_WORDS.put(word, a);
            }
            out.append(a);
        }
        return out.toString();
    }

    /** Words already transliterated: names share words, and ICU's transliterators are slow. */
    private static final Map<String, String> ASCII_WORDS = new ConcurrentHashMap<>();

    private static final int ASCII_WORDS_MAX = 200_000;

    /** A run of non-Han text in ASCII: pure ASCII as is, other words through ICU once each. */
    private static String toAscii(String run) {
        boolean ascii = true;
        for (int i = 0; i < run.length() && ascii; i++) {
            ascii = run.charAt(i) < 0x80;
        }
        if (ascii) {
            return run;
        }
        StringBuilder out = new StringBuilder(run.length() + 8);
        int i = 0;
        while (i < run.length()) {
            int start = i;
            while (i < run.length() && !Character.isWhitespace(run.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = run.substring(start, i);
                String a = ASCII_WORDS.get(word);
                if (a == null) {
                    a = TRANSLITERATORS.get().anyToAscii.transliterate(khmer(word));
                    if (ASCII_WORDS.size() >= ASCII_WORDS_MAX) {
                        ASCII_WORDS.clear();
                    }
                    ASCII_WORDS.put(word, a);
                }
                out.append(a);
            }
            while (i < run.length() && Character.isWhitespace(run.charAt(i))) {
                out.append(' ');
                i++;
            }
        }
        return out.toString();
    }

    /**
     * ICU has no Khmer transliterator: Khmer letters are written in Latin here, consonants by their usual
     * romanisation and vowels roughly (the tokens are then compared on their consonants, see {@link Reading#CONSONANTAL}).
     */
    private static String khmer(String word) {
        boolean any = false;
        for (int i = 0; i < word.length() && !any; i++) {
            any = word.charAt(i) >= 0x1780 && word.charAt(i) <= 0x17FF;
        }
        if (!any) {
            return word;
        }
        StringBuilder b = new StringBuilder(word.length() * 2);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x1780 && c <= 0x17A2) {
                b.append(KHMER_CONSONANTS[c - 0x1780]);
            } else if (c >= 0x17A3 && c <= 0x17B3) {
                b.append('a');
            } else if (c >= 0x17B6 && c <= 0x17C5) {
                b.append(KHMER_VOWELS[c - 0x17B6]);
            } else if (c < 0x1780 || c > 0x17FF) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final String[] KHMER_CONSONANTS = {
        "k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d", "th", "d", "th", "n", "t", "th", "t", "th",
        "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v", "s", "s", "s", "h", "l", ""
    };

    private static final String[] KHMER_VOWELS = {
        "a", "i", "i", "e", "e", "u", "u", "uo", "ae", "oe", "ie", "e", "ae", "ai", "ao", "au"
    };

    private static String sanitise(String name) {
        StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_CODE_POINTS * 2));
        int count = 0;
        for (int i = 0; i < name.length() && count < MAX_CODE_POINTS; count++) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            // Unpaired surrogates, controls and unassigned code points become separators.
            if (Character.isSurrogate((char) cp) || Character.isISOControl(cp) || !Character.isDefined(cp)) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /**
     * A legal form written in capitals glued to the end of a word (SiemensAG, AcmeGmbH, FooLLC) is set apart, as
     * "Siemens AG": where a word's lower-case letters give way to capitals and the rest of the word is a legal form.
     */
    private String gluedLegalForms(String name) {
        StringBuilder out = null;
        int copied = 0;
        int wordStart = 0;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetter(c)) {
                wordStart = i + 1;
            } else if (Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1)) && i - wordStart >= 3) {
                int end = i;
                while (end < name.length() && Character.isLetter(name.charAt(end))) {
                    end++;
                }
                if (end - i >= 2
                        && tables.legalPhrases.containsKey(
                                name.substring(i, end).toLowerCase(java.util.Locale.ROOT))) {
                    if (out == null) {
                        out = new StringBuilder(name.length() + 4);
                    }
                    out.append(name, copied, i).append(' ');
                    copied = i;
                    i = end - 1;
                }
            }
        }
        return out == null ? name : out.append(name, copied, name.length()).toString();
    }

    static boolean isHan(int cp) {
        // Below the CJK radicals nothing is Han: most names never reach ICU's script lookup.
        return cp >= 0x2E80 && UScript.getScript(cp) == UScript.HAN;
    }

    private static boolean isConsonantal(String run) {
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            if (cp < 0x0590) {
                i++;
                continue;
            }
            int script = UScript.getScript(cp);
            if (script == UScript.ARABIC
                    || script == UScript.HEBREW
                    || script == UScript.SYRIAC
                    || script == UScript.KHMER) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static void split(String ascii, List<String> out) {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                t.append(c);
            } else if (c == '\'' || c == '`' || c == '\u02bc' || c == '\u02bb' || c == '\u2019') {
                // Apostrophes join: Ch'ing → ching, O'Brien → obrien.
            } else if (t.length() > 0) {
                out.add(t.toString());
                t.setLength(0);
            }
        }
        if (t.length() > 0) {
            out.add(t.toString());
        }
    }

    private static final java.util.regex.Pattern DOTTED_ACRONYM =
            java.util.regex.Pattern.compile("(?<![a-z0-9])(?:[a-z]\\.){2,}(?:[a-z](?![a-z0-9]))?");

    private static final java.util.regex.Pattern ROMAN = java.util.regex.Pattern.compile("x{0,3}(?:ix|iv|v?i{0,3})");

    private void latinRun(String run, boolean person, Builder main, Builder translated) {
        List<String> tokens = new ArrayList<>();
        split(joinDottedAcronyms(toAscii(run)), tokens);
        numbers(tokens, person);
        int flags = (isConsonantal(run) ? Reading.CONSONANTAL : 0) | (isSyllabic(run) ? Reading.SYLLABIC : 0);
        int i = 0;
        while (i < tokens.size()) {
            if (!person) {
                int n = legalFormAt(tokens, i);
                if (n > 0) {
                    String compare = tables.legalPhrases.get(String.join(" ", tokens.subList(i, i + n)));
                    main.add(compare, null, NameToken.Kind.LEGAL_FORM, 0);
                    translated.add(compare, null, NameToken.Kind.LEGAL_FORM, 0);
                    i += n;
                    continue;
                }
            }
            String t = tokens.get(i);
            String[] alt = null;
            if (!person) {
                t = tables.abbreviations.getOrDefault(t, t);
            } else {
                alt = tables.givenNames.get(t);
            }
            NameToken.Kind kind = kindOf(t, person);
            main.add(t, alt, kind, flags);
            translated.add(t, alt, kind, flags);
            i++;
        }
    }

    /**
     * Number words, ordinals and (in organisation names, after the first word) Roman numerals become digits, so that
     * "First", "1st" and "1" are one number and "Forty-Four" is "44".
     */
    private void numbers(List<String> tokens, boolean person) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Integer v = tables.numbers.get(t);
            if (v == null && t.length() > 2 && Character.isDigit(t.charAt(0))) {
                String suffix = t.substring(t.length() - 2);
                if ((suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th"))
                        && isNumber(t.substring(0, t.length() - 2))) {
                    tokens.set(i, t.substring(0, t.length() - 2));
                    continue;
                }
            }
            if (v == null
                    && !person
                    && i > 0
                    && !t.isEmpty()
                    && ROMAN.matcher(t).matches()) {
                v = roman(t);
            }
            if (v == null) {
                continue;
            }
            if (v >= 20 && v < 100 && v % 10 == 0 && i + 1 < tokens.size()) {
                String next = tokens.get(i + 1);
                Integer unit = tables.numbers.get(next);
                if (unit == null && next.length() == 1 && Character.isDigit(next.charAt(0))) {
                    unit = next.charAt(0) - '0';
                }
                if (unit != null && unit > 0 && unit < 10) {
                    v += unit;
                    tokens.remove(i + 1);
                }
            }
            tokens.set(i, Integer.toString(v));
        }
    }

    private static int roman(String t) {
        int total = 0;
        for (int i = 0; i < t.length(); i++) {
            int v = value(t.charAt(i));
            if (i + 1 < t.length() && value(t.charAt(i + 1)) > v) {
                total -= v;
            } else {
                total += v;
            }
        }
        return total;
    }

    private static int value(char c) {
        return switch (c) {
            case 'i' -> 1;
            case 'v' -> 5;
            case 'x' -> 10;
            default -> 0;
        };
    }

    /** Hangul and kana: a difference in one syllable is a different name, never a spelling variant. */
    private static boolean isSyllabic(String run) {
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF)) {
                return true;
            }
        }
        return false;
    }

    private int legalFormAt(List<String> tokens, int i) {
        for (int n = Math.min(tables.longestLegalPhrase, tokens.size() - i); n > 0; n--) {
            if (tables.legalPhrases.containsKey(String.join(" ", tokens.subList(i, i + n)))) {
                return n;
            }
        }
        return 0;
    }

    private NameToken.Kind kindOf(String t, boolean person) {
        if (isNumber(t)) {
            return NameToken.Kind.NUMBER;
        }
        if (tables.stopWords.contains(t)) {
            return NameToken.Kind.STOP;
        }
        if (!person && tables.commonWords.contains(t)) {
            return NameToken.Kind.COMMON;
        }
        return NameToken.Kind.WORD;
    }

    private static boolean isNumber(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Returns whether a company word was translated. */
    private boolean hanRun(String run, boolean person, boolean firstOfName, Builder main, Builder translated) {
        Transliterators tr = TRANSLITERATORS.get();
        String hans = simplified(run, tr);
        boolean differs = false;
        int i = 0;
        while (i < hans.length()) {
            if (!person) {
                int n = Math.min(tables.longestHanKey, hans.length() - i);
                boolean found = false;
                for (; n > 0 && !found; n--) {
                    String key = hans.substring(i, i + n);
                    String legal = tables.hanLegalForms.get(key);
                    if (legal != null) {
                        main.add(legal, null, NameToken.Kind.LEGAL_FORM, 0);
                        translated.add(legal, null, NameToken.Kind.LEGAL_FORM, 0);
                        found = true;
                    } else {
                        String[] english = tables.hanWords.get(key);
                        if (english != null) {
                            for (int k = 0; k < key.length(); k++) {
                                addSyllable(key.codePointAt(k), false, NameToken.Kind.COMMON, main);
                            }
                            for (String e : english) {
                                translated.add(e, null, NameToken.Kind.COMMON, 0);
                            }
                            differs = true;
                            found = true;
                        }
                    }
                    if (found) {
                        i += n;
                    }
                }
                if (found) {
                    continue;
                }
            }
            int cp = hans.codePointAt(i);
            boolean surname = firstOfName && i == 0;
            addSyllable(cp, surname, NameToken.Kind.WORD, main);
            addSyllable(cp, surname, NameToken.Kind.WORD, translated);
            i += Character.charCount(cp);
        }
        return differs;
    }

    private static final Map<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();
    private static final Map<Integer, String> SURNAME_READING = new ConcurrentHashMap<>();

    /**
     * The name's Chinese characters in Simplified form, if it is written in Chinese characters only (spaces and
     * middle dots aside), else {@code null}: two such person names are the same name only if these are equal.
     */
    public static @Nullable String hanCharacters(String name) {
        StringBuilder han = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han.appendCodePoint(cp);
            } else if (!Character.isWhitespace(cp) && cp != '·' && cp != '•' && cp != '・' && cp != '.') {
                return null;
            }
        }
        return han.isEmpty() ? null : simplified(han.toString(), TRANSLITERATORS.get());
    }

    /** Traditional to Simplified, character by character (ICU's mapping is), each character converted once. */
    private static String simplified(String run, Transliterators tr) {
        StringBuilder b = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            b.append(SIMPLIFIED.computeIfAbsent(cp, c -> tr.toSimplified.transliterate(Character.toString(c))));
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private void addSyllable(int cp, boolean surname, NameToken.Kind kind, Builder to) {
        String reading = HAN_READING.computeIfAbsent(cp, c -> {
            String r = TRANSLITERATORS
                    .get()
                    .hanToLatin
                    .transliterate(Character.toString(c))
                    .strip();
            return r.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') ? r : "";
        });
        if (reading.isEmpty()) {
            return;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (surname) {
            String s = SURNAME_READING.computeIfAbsent(
                    cp,
                    c -> TRANSLITERATORS
                            .get()
                            .surnameToLatin
                            .transliterate(Character.toString(c))
                            .strip());
            if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                all.add(s);
            }
        }
        all.add(reading);
        String[] more = tables.polyphonic.get(cp);
        if (more != null) {
            all.addAll(List.of(more));
        }
        String[] readings = all.stream().map(String::intern).toArray(String[]::new);
        String first = readings[0];
        String[] alt = readings.length > 1 ? java.util.Arrays.copyOfRange(readings, 1, readings.length) : null;
        to.add(first, alt, kind, Reading.FROM_HAN, cp);
    }

    /**
     * A Latin name whose distinctive words are all Chinese syllables gets the pinyin of its Wade–Giles syllables as
     * alternatives (Hsu → xu, Chang → zhang): only then, so that "Dan Brown" does not become "tan".
     */
    private void addWadeGiles(Builder b) {
        Set<String> syllables = pinyinSyllables();
        boolean any = false;
        for (int i = 0; i < b.size(); i++) {
            if (b.kinds.get(i) != NameToken.Kind.WORD) {
                continue;
            }
            String t = b.texts.get(i);
            if (tables.wadeGiles.containsKey(t)) {
                any = true;
            } else if (!syllables.contains(t)) {
                return;
            }
        }
        if (!any) {
            return;
        }
        for (int i = 0; i < b.size(); i++) {
            String[] pinyin = tables.wadeGiles.get(b.texts.get(i));
            if (pinyin != null && b.kinds.get(i) == NameToken.Kind.WORD) {
                LinkedHashSet<String> alt = new LinkedHashSet<>(List.of(pinyin));
                alt.remove(b.texts.get(i));
                if (!alt.isEmpty()) {
                    b.alternatives.set(i, alt.toArray(String[]::new));
                }
            }
        }
    }

    /** Every toneless pinyin syllable, taken from ICU's readings of the common CJK block once. */
    static Set<String> pinyinSyllables() {
        Set<String> s = pinyinSyllables;
        if (s == null) {
            Transliterator t = Transliterator.getInstance("Han-Latin; Latin-ASCII");
            StringBuilder all = new StringBuilder();
            for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
                all.append((char) cp).append(' ');
            }
            Set<String> set = new HashSet<>();
            for (String r : t.transliterate(all.toString()).split(" +")) {
                if (!r.isEmpty() && r.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                    set.add(r);
                }
            }
            s = Set.copyOf(set);
            pinyinSyllables = s;
        }
        return s;
    }

    private static final class Builder {
        String label;
        final List<String> texts = new ArrayList<>();
        final List<String @Nullable []> alternatives = new ArrayList<>();
        final List<NameToken.Kind> kinds = new ArrayList<>();
        final List<Integer> flags = new ArrayList<>();
        final List<Integer> characters = new ArrayList<>();
        boolean anyCharacter;

        Builder(String label) {
            this.label = label;
        }

        int size() {
            return texts.size();
        }

        void add(String text, String @Nullable [] alt, NameToken.Kind kind, int flag) {
            add(text, alt, kind, flag, 0);
        }

        void add(String text, String @Nullable [] alt, NameToken.Kind kind, int flag, int character) {
            if (texts.size() >= MAX_TOKENS) {
                return;
            }
            characters.add(character);
            anyCharacter |= character != 0;
            // Interned: a million entries share most of their words.
            texts.add(text.intern());
            // Alternatives come interned: from the tables (interned when loaded) or from addSyllable.
            alternatives.add(alt);
            kinds.add(kind);
            flags.add(flag);
        }

        Reading build() {
            byte[] f = new byte[flags.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = (byte) (int) flags.get(i);
            }
            return new Reading(
                    label,
                    texts.toArray(String[]::new),
                    alternatives.toArray(String[][]::new),
                    kinds.toArray(NameToken.Kind[]::new),
                    f,
                    anyCharacter
                            ? characters.stream().mapToInt(Integer::intValue).toArray()
                            : null);
        }
    }
}
