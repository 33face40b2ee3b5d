package org.lodestone.screening.matching;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is screened: a name, and where known the party's country, identifiers and kind.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 * @param schema {@code Person}, {@code Company}, … ({@code null}: any)
 */
public record NameQuery(
        String name,
        @Nullable String country,
        List<EntryIdentifier> identifiers,
        @Nullable String schema) {

    public NameQuery {
        identifiers = List.copyOf(identifiers);
    }

    public static NameQuery of(String name) {
        return new NameQuery(name, null, List.of(), null);
    }
}
