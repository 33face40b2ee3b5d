package org.lodestone.screening.matching;

import org.lodestone.screening.names.IcuNameNormaliser;

/** The standard matcher and index of Lodestone. */
public final class Matching {

    private Matching() {}

    public static NameMatcher standardMatcher() {
        return new ExplainableMatcher(new IcuNameNormaliser());
    }

    public static ScreeningIndex.Builder indexBuilder(NameMatcher matcher) {
        return TokenIndex.builder(matcher, TokenIndex.Options.DEFAULT);
    }
}
