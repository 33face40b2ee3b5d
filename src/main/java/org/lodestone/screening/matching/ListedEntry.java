package org.lodestone.screening.matching;

import java.util.List;
import java.util.Set;

/**
 * A restricted-list entry as the matcher sees it.
 *
 * @param listCode the list it belongs to ({@code us-csl}, {@code cn-uel}, …)
 * @param entryId the entry's id in that list, stable across releases
 * @param schema {@code Person}, {@code Company}, {@code Organization}, {@code LegalEntity}, {@code Vessel}, …
 * @param names the primary name first, then aliases, in any script
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 * @param identifiers registration numbers and the like
 */
public record ListedEntry(
        String listCode,
        String entryId,
        String schema,
        List<String> names,
        Set<String> countries,
        List<EntryIdentifier> identifiers) {

    public ListedEntry {
        names = List.copyOf(names);
        countries = Set.copyOf(countries);
        identifiers = List.copyOf(identifiers);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a listed entry needs a name");
        }
    }

    public String caption() {
        return names.getFirst();
    }
}
