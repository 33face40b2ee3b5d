package org.lodestone.screening.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lodestone.screening.names.NameNormaliser;
import org.lodestone.screening.names.NameToken;

/** Token-set overlap of the first readings. To be replaced by the scorer of issue 4. */
final class ProvisionalMatcher implements NameMatcher {

    private final NameNormaliser normaliser;

    ProvisionalMatcher(NameNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    @Override
    public double threshold() {
        return 0.7;
    }

    @Override
    public NameNormaliser normaliser() {
        return normaliser;
    }

    @Override
    public Comparison compare(NameQuery query, ListedEntry entry) {
        Set<String> q = tokens(query.name(), query.schema());
        String best = entry.caption();
        double bestScore = 0;
        for (String name : entry.names()) {
            Set<String> e = tokens(name, entry.schema());
            Set<String> common = new HashSet<>(q);
            common.retainAll(e);
            Set<String> all = new HashSet<>(q);
            all.addAll(e);
            double s = all.isEmpty() ? 0 : (double) common.size() / all.size();
            if (s > bestScore) {
                bestScore = s;
                best = name;
            }
        }
        return new Comparison(best, bestScore, Map.of("nameSimilarity", bestScore));
    }

    @Override
    public PreparedEntry prepare(ListedEntry entry) {
        java.util.LinkedHashSet<NameToken> tokens = new java.util.LinkedHashSet<>();
        for (String name : entry.names()) {
            normaliser.normalise(name, entry.schema()).readings().forEach(tokens::addAll);
        }
        List<NameToken> all = List.copyOf(tokens);
        List<String> keys =
                entry.identifiers().stream().map(EntryIdentifier::key).toList();
        return new PreparedEntry() {
            @Override
            public ListedEntry entry() {
                return entry;
            }

            @Override
            public List<NameToken> tokens() {
                return all;
            }

            @Override
            public List<String> identifierKeys() {
                return keys;
            }
        };
    }

    @Override
    public PreparedQuery prepare(NameQuery query) {
        java.util.LinkedHashSet<NameToken> tokens = new java.util.LinkedHashSet<>();
        normaliser.normalise(query.name(), query.schema()).readings().forEach(tokens::addAll);
        List<NameToken> all = List.copyOf(tokens);
        List<String> keys =
                query.identifiers().stream().map(EntryIdentifier::key).toList();
        return new PreparedQuery() {
            @Override
            public NameQuery query() {
                return query;
            }

            @Override
            public List<NameToken> tokens() {
                return all;
            }

            @Override
            public List<String> identifierKeys() {
                return keys;
            }
        };
    }

    @Override
    public Comparison compare(PreparedQuery query, PreparedEntry entry) {
        return compare(query.query(), entry.entry());
    }

    private Set<String> tokens(String name, String schema) {
        Set<String> out = new HashSet<>();
        for (NameToken t : normaliser.normalise(name, schema).readings().getFirst()) {
            out.add(t.text());
        }
        return out;
    }
}
