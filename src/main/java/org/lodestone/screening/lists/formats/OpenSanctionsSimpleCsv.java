package org.lodestone.screening.lists.formats;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ListEntry;

/**
 * OpenSanctions {@code targets.simple.csv}: {@code id,schema,name,aliases,birth_date,countries,addresses,identifiers,
 * sanctions,phones,emails,program_ids,dataset,first_seen,last_seen,last_change}, multi-values separated by {@code ;}.
 * The {@code identifiers} column holds bare values (no type); {@code sanctions} is free text, kept as the legal basis,
 * {@code program_ids} as the programme. Rows of schemas that are not parties are skipped.
 */
final class OpenSanctionsSimpleCsv extends HeaderedCsv {

    @Override
    String formatName() {
        return "opensanctions-simple-csv";
    }

    @Override
    Set<String> requiredColumns() {
        return Set.of("id", "schema", "name", "aliases", "countries", "identifiers");
    }

    @Override
    @Nullable
    ListEntry entry(Row row) {
        String schema = Entries.clean(row.get("schema"));
        if (schema == null) {
            throw new Rejected("the entry has no schema");
        }
        if (!Entries.isThing(schema)) {
            return null;
        }
        Entries e = Entries.of(row.get("id"), schema);
        if (Entries.clean(row.get("name")) == null) {
            throw new Rejected("the entry has no name");
        }
        e.name(row.get("name"));
        e.names(Entries.split(row.get("aliases"), ';'));
        e.countries(Entries.split(row.get("countries"), ';'));
        Entries.split(row.get("identifiers"), ';').forEach(v -> e.identifier("", v));
        e.programme(String.join("; ", Entries.split(row.get("program_ids"), ';')));
        e.legalBasis(String.join("; ", Entries.split(row.get("sanctions"), ';')));
        e.listedOn(row.get("first_seen"));
        String dataset = Entries.clean(row.get("dataset"));
        e.remarks(dataset == null ? null : "dataset: " + dataset);
        e.sourceUrl("https://www.opensanctions.org/entities/" + Entries.clean(row.get("id")) + "/");
        return e.build();
    }
}
