package org.lodestone.screening.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Scores every entry. To be replaced by the candidate index of issue 4. */
final class LinearIndex implements ScreeningIndex {

    private final NameMatcher matcher;
    private final List<ListedEntry> entries;

    private LinearIndex(NameMatcher matcher, List<ListedEntry> entries) {
        this.matcher = matcher;
        this.entries = List.copyOf(entries);
    }

    @Override
    public List<MatchHit> search(NameQuery query, int limit) {
        List<MatchHit> hits = new ArrayList<>();
        for (ListedEntry e : entries) {
            Comparison c = matcher.compare(query, e);
            if (c.score() >= matcher.threshold() / 2) {
                hits.add(new MatchHit(e, c, c.score() >= matcher.threshold()));
            }
        }
        hits.sort(Comparator.comparingDouble(MatchHit::score).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    @Override
    public int size() {
        return entries.size();
    }

    static final class Builder implements ScreeningIndex.Builder {
        private final NameMatcher matcher;
        private final List<ListedEntry> entries = new ArrayList<>();

        Builder(NameMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public ScreeningIndex.Builder add(ListedEntry entry) {
            entries.add(entry);
            return this;
        }

        @Override
        public ScreeningIndex build() {
            return new LinearIndex(matcher, entries);
        }
    }
}
