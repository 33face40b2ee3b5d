package org.lodestone.screening.lists.formats;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ListEntry;
import org.lodestone.shared.CountryCode;

/**
 * Lodestone's CSV for national lists (docs/screening.md): {@code id,schema,name} required; {@code name_local},
 * {@code aliases}, {@code countries}, {@code identifiers} ({@code type:value}), {@code list}, {@code programme},
 * {@code legal_basis}, {@code listed_on}, {@code remarks}, {@code source_url} optional; multi-values separated by
 * {@code ;}.
 */
final class LodestoneCsv extends HeaderedCsv {

    @Override
    String formatName() {
        return "lodestone-csv";
    }

    @Override
    Set<String> requiredColumns() {
        return Set.of("id", "schema", "name");
    }

    @Override
    ListEntry entry(Row row) {
        String schema = row.get("schema");
        Entries e = Entries.of(row.get("id"), schema == null ? "" : schema.strip());
        if (Entries.clean(row.get("name")) == null) {
            throw new Rejected("the entry has no name");
        }
        e.name(row.get("name"));
        e.names(Entries.split(row.get("name_local"), ';'));
        e.names(Entries.split(row.get("aliases"), ';'));
        for (String c : Entries.split(row.get("countries"), ';')) {
            // Our own format is strict: an authority writes it, so a wrong code is a mistake to report, not to guess.
            if (!CountryCode.isValid(c)) {
                throw new Rejected("country '" + Entries.excerpt(c) + "' is not an ISO 3166-1 alpha-2 code");
            }
            e.country(c);
        }
        for (String id : Entries.split(row.get("identifiers"), ';')) {
            int colon = id.indexOf(':');
            if (colon < 0) {
                e.identifier("", id);
            } else {
                e.identifier(id.substring(0, colon), id.substring(colon + 1));
            }
        }
        e.programme(join(row.get("list"), row.get("programme")));
        e.legalBasis(row.get("legal_basis"));
        e.listedOnStrict(row.get("listed_on"));
        e.remarks(row.get("remarks"));
        e.sourceUrl(row.get("source_url"));
        return e.build();
    }

    static @Nullable String join(@Nullable String list, @Nullable String programme) {
        String l = Entries.clean(list);
        String p = Entries.clean(programme);
        if (l == null) {
            return p;
        }
        return p == null ? l : l + ": " + p;
    }
}
