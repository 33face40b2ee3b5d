package org.lodestone.screening.names;

import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a name, held in parallel arrays so that a million prepared list entries stay compact and a
 * comparison allocates nothing: for each token its main text, its alternative texts (other readings of a polyphonic
 * character, pinyin for a Wade–Giles syllable; {@code null} when none), its kind and where it came from.
 */
public final class Reading {

    /** The token is a reading of Chinese characters: compared exactly, never with edit distance. */
    public static final int FROM_HAN = 1;

    /** The token was transliterated from a script that writes no short vowels (Arabic, Hebrew): compared on consonants. */
    public static final int CONSONANTAL = 2;

    /** The token is a romanisation of Hangul or kana: against the same script it compares exactly. */
    public static final int SYLLABIC = 4;

    private final String label;
    private final String[] texts;
    private final String[] @org.jspecify.annotations.Nullable [] alternatives;
    private final NameToken.Kind[] kinds;
    private final byte[] flags;
    private final int @org.jspecify.annotations.Nullable [] characters;

    Reading(
            String label,
            String[] texts,
            String[] @org.jspecify.annotations.Nullable [] alternatives,
            NameToken.Kind[] kinds,
            byte[] flags,
            int @org.jspecify.annotations.Nullable [] characters) {
        this.characters = characters;
        this.label = label;
        this.texts = texts;
        this.alternatives = alternatives;
        this.kinds = kinds;
        this.flags = flags;
    }

    /** What this reading is: {@code latin}, {@code pinyin}, {@code translated}. */
    public String label() {
        return label;
    }

    public int size() {
        return texts.length;
    }

    public String text(int i) {
        return texts[i];
    }

    /** Alternative texts of token {@code i}, or {@code null}. */
    public String @org.jspecify.annotations.Nullable [] alternatives(int i) {
        return alternatives[i];
    }

    public NameToken.Kind kind(int i) {
        return kinds[i];
    }

    public boolean fromHan(int i) {
        return (flags[i] & FROM_HAN) != 0;
    }

    public boolean syllabic(int i) {
        return (flags[i] & SYLLABIC) != 0;
    }

    /** The Chinese character (Simplified) token {@code i} reads, or 0: two characters compare as characters. */
    public int character(int i) {
        return characters == null ? 0 : characters[i];
    }

    public boolean consonantal(int i) {
        return (flags[i] & CONSONANTAL) != 0;
    }

    /** The tokens of this reading, alternatives as tokens of their own. */
    public List<NameToken> tokens() {
        List<NameToken> out = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            out.add(new NameToken(texts[i], kinds[i], fromHan(i)));
            String[] alt = alternatives[i];
            if (alt != null) {
                for (String a : alt) {
                    out.add(new NameToken(a, kinds[i], fromHan(i)));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(label).append(':');
        for (int i = 0; i < texts.length; i++) {
            b.append(' ').append(texts[i]);
            String[] alt = alternatives[i];
            if (alt != null) {
                b.append('/').append(String.join("/", alt));
            }
            if (kinds[i] != NameToken.Kind.WORD) {
                b.append('[').append(kinds[i].name().charAt(0)).append(']');
            }
        }
        return b.toString();
    }
}
