package org.lodestone.screening.lists.formats;

import java.util.List;
import java.util.Set;
import org.lodestone.screening.lists.ListEntry;

/**
 * The US Consolidated Screening List as trade.gov publishes it in CSV: {@code _id,source,entity_number,type,programs,
 * name,title,addresses,federal_register_notice,start_date,end_date,…,remarks,source_list_url,alt_names,citizenships,
 * dates_of_birth,nationalities,places_of_birth,source_information_url,ids}. Multi-values are separated by {@code ;};
 * an address ends with its country code; an id is {@code type, number[, country]}.
 */
final class CslCsv extends HeaderedCsv {

    @Override
    String formatName() {
        return "csl-csv";
    }

    @Override
    Set<String> requiredColumns() {
        return Set.of("_id", "source", "name", "alt_names", "type", "programs");
    }

    @Override
    ListEntry entry(Row row) {
        Entries e = Entries.of(row.get("_id"), Csl.schema(row.get("type")));
        if (Entries.clean(row.get("name")) == null) {
            throw new Rejected("the entry has no name");
        }
        e.name(row.get("name"));
        e.names(Entries.split(row.get("alt_names"), ';'));
        for (String address : Entries.split(row.get("addresses"), ';')) {
            List<String> parts = Entries.split(address, ',');
            if (!parts.isEmpty()) {
                e.country(parts.getLast());
            }
        }
        e.countries(Entries.split(row.get("citizenships"), ';'));
        e.countries(Entries.split(row.get("nationalities"), ';'));
        for (String id : Entries.split(row.get("ids"), ';')) {
            List<String> parts = Entries.split(id, ',');
            if (parts.size() == 1) {
                e.identifier("", parts.getFirst());
            } else if (parts.size() > 1 && !parts.get(0).equalsIgnoreCase("Gender")) {
                e.identifier(parts.get(0), parts.get(1));
            }
        }
        e.programme(Csl.programme(row.get("source"), row.get("programs")));
        e.legalBasis(row.get("federal_register_notice"));
        e.listedOn(row.get("start_date"));
        e.remarks(row.get("remarks"));
        String info = row.get("source_information_url");
        e.sourceUrl(info != null ? info : row.get("source_list_url"));
        return e.build();
    }
}
