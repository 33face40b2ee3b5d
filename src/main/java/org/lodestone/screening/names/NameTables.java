package org.lodestone.screening.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The project's own word tables ({@code src/main/resources/screening/*.tsv}), loaded once. Latin-script entries are
 * put through the normaliser's own token pipeline, so a table line is written as people write it.
 */
final class NameTables {

    /** Latin legal-form phrases (tokens joined by a space) → compare form. */
    final Map<String, String> legalPhrases = new HashMap<>();

    /** Chinese legal forms → compare form. */
    final Map<String, String> hanLegalForms = new HashMap<>();

    /** Chinese company words → English words. */
    final Map<String, String[]> hanWords = new HashMap<>();

    final int longestLegalPhrase;
    final int longestHanKey;

    /** English words of organisation names that many unrelated names share. */
    final Set<String> commonWords = new HashSet<>();

    final Set<String> stopWords = new HashSet<>();

    /** Simplified character → its readings. */
    final Map<Integer, String[]> polyphonic = new HashMap<>();

    /** Wade–Giles or postal syllable → pinyin syllables. */
    final Map<String, String[]> wadeGiles = new HashMap<>();

    /** Abbreviated words of organisation names → full word. */
    final Map<String, String> abbreviations = new HashMap<>();

    /** Number words and ordinals → value. */
    final Map<String, Integer> numbers = new HashMap<>();

    /** A given name or short form → the other forms it meets (full names for a short form, and the reverse). */
    final Map<String, String[]> givenNames = new HashMap<>();

    /**
     * @param tokenise a table line's tokens, no table applied
     * @param asInNames the same, with the name-only steps (dotted acronyms joined): a legal form is looked up both
     *     ways, "Sp. z o.o." as "sp z oo" (how a name writes it) and "sp z o o" (written without the dots)
     */
    NameTables(Function<String, List<String>> tokenise, Function<String, List<String>> asInNames) {
        int longest = 1;
        for (String[] row : rows("legal-forms.tsv")) {
            String compare = row[0];
            for (String variant : row[1].split("\\|")) {
                if (variant.codePoints().anyMatch(IcuNameNormaliser::isHan)) {
                    hanLegalForms.put(variant, compare);
                } else {
                    for (List<String> tokens : List.of(tokenise.apply(variant), asInNames.apply(variant))) {
                        if (!tokens.isEmpty()) {
                            legalPhrases.put(String.join(" ", tokens), compare);
                            longest = Math.max(longest, tokens.size());
                        }
                    }
                }
            }
        }
        longestLegalPhrase = longest;
        for (String[] row : rows("common-words.tsv")) {
            String[] english = tokenise.apply(row[1]).toArray(String[]::new);
            if (!row[0].equals("-")) {
                hanWords.put(row[0], english);
            }
            commonWords.addAll(List.of(english));
        }
        int longestHan = 1;
        for (String k : hanWords.keySet()) {
            longestHan = Math.max(longestHan, k.length());
        }
        for (String k : hanLegalForms.keySet()) {
            longestHan = Math.max(longestHan, k.length());
        }
        longestHanKey = longestHan;
        for (String[] row : rows("stop-words.tsv")) {
            stopWords.addAll(tokenise.apply(row[0]));
        }
        for (String[] row : rows("polyphonic.tsv")) {
            polyphonic.put(row[0].codePointAt(0), interned(row[1].split(",")));
        }
        for (String[] row : rows("abbreviations.tsv")) {
            abbreviations.put(String.join("", tokenise.apply(row[0])), row[1].strip());
        }
        for (String[] row : rows("numbers.tsv")) {
            numbers.put(row[0].strip(), Integer.parseInt(row[1].strip()));
        }
        Map<String, java.util.Set<String>> forms = new HashMap<>();
        for (String[] row : rows("given-names.tsv")) {
            String full = row[0].strip();
            for (String shortForm : row[1].split(",")) {
                String s = shortForm.strip();
                forms.computeIfAbsent(s, k -> new java.util.LinkedHashSet<>()).add(full);
                forms.computeIfAbsent(full, k -> new java.util.LinkedHashSet<>())
                        .add(s);
            }
        }
        forms.forEach((k, v) -> givenNames.put(k, v.stream().map(String::intern).toArray(String[]::new)));
        for (String[] row : rows("wade-giles.tsv")) {
            wadeGiles.put(row[0], interned(row[1].split(",")));
        }
    }

    /** Table words are shared by the tokens of many names: one instance each. */
    private static String[] interned(String[] words) {
        for (int i = 0; i < words.length; i++) {
            words[i] = words[i].intern();
        }
        return words;
    }

    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = NameTables.class.getResourceAsStream("/screening/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing table /screening/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                rows.add(cols.length > 1 ? cols : new String[] {cols[0].strip(), ""});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
