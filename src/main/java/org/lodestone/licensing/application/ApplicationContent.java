package org.lodestone.licensing.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the applicant writes: the part of an application that is edited in a draft, frozen as a revision on every
 * submission and compared field by field between revisions. {@code consigneeOrganisation} optionally links the
 * consignee to a FOREIGN_PARTY organisation known to Lodestone.
 */
public record ApplicationContent(
        @Nullable String consigneeOrganisation,
        List<Party> parties,
        List<Item> items,
        EndUse endUse,
        Production production,
        BusinessRelationship relationship,
        Declarations declarations) {

    public static final ApplicationContent EMPTY = new ApplicationContent(
            null, List.of(), List.of(), EndUse.NONE, Production.NONE, BusinessRelationship.NONE, Declarations.NONE);

    public ApplicationContent {
        parties = List.copyOf(parties);
        items = List.copyOf(items);
    }

    public Optional<Party> party(UUID id) {
        return parties.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Item> item(UUID id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** 1-based position of the item, as applicants and reviewers count them ("item 2"). */
    public int itemNumber(UUID id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return -1;
    }

    public ApplicationContent withParties(List<Party> parties) {
        return new ApplicationContent(
                consigneeOrganisation, parties, items, endUse, production, relationship, declarations);
    }

    public ApplicationContent withItems(List<Item> items) {
        return new ApplicationContent(
                consigneeOrganisation, parties, items, endUse, production, relationship, declarations);
    }

    public ApplicationContent withDetails(
            @Nullable String consigneeOrganisation,
            EndUse endUse,
            Production production,
            BusinessRelationship relationship,
            Declarations declarations) {
        return new ApplicationContent(
                consigneeOrganisation, parties, items, endUse, production, relationship, declarations);
    }
}
