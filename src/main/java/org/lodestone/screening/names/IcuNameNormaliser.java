package org.lodestone.screening.names;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Normalises names with ICU4J transliteration to lower-case ASCII tokens. */
public final class IcuNameNormaliser implements NameNormaliser {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    @Override
    public NormalisedName normalise(String name, @Nullable String schema) {
        String ascii;
        synchronized (TO_ASCII) {
            ascii = TO_ASCII.transliterate(name);
        }
        List<NameToken> tokens = new ArrayList<>();
        for (String t : ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!t.isEmpty()) {
                tokens.add(new NameToken(t, NameToken.Kind.WORD, false));
            }
        }
        return new NormalisedName(name, List.of(tokens));
    }
}
