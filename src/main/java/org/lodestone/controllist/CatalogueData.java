package org.lodestone.controllist;

import java.util.List;

/** Everything the control list holds, as read from the data file or the database. */
public record CatalogueData(
        String revision,
        List<LegalAct> legalActs,
        List<ControlEntry> entries,
        List<ControlRule> rules,
        List<Suspension> suspensions) {

    public CatalogueData {
        legalActs = List.copyOf(legalActs);
        entries = List.copyOf(entries);
        rules = List.copyOf(rules);
        suspensions = List.copyOf(suspensions);
    }
}
