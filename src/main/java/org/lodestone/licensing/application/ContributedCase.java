package org.lodestone.licensing.application;

import java.util.List;
import java.util.UUID;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentType;

/**
 * An application as its contributor sees it, and nothing more: the reference, state, the exporter's name, the
 * contributor's own parties, and the evidence still missing about them (or about the application, where a document
 * would do). Never items, values, other parties or the exporter's documents.
 */
public record ContributedCase(
        ApplicationId id,
        String reference,
        ApplicationState state,
        String exporterName,
        List<OwnParty> parties,
        List<MissingEvidence> missing,
        boolean acceptsEvidence) {

    public ContributedCase {
        parties = List.copyOf(parties);
        missing = List.copyOf(missing);
    }

    /** One of the contributor's parties: role, name and country as the applicant entered them. */
    public record OwnParty(UUID id, PartyRole role, String name, String country) {}

    /**
     * A missing piece the contributor can supply: the rule's code, the document types that would satisfy it, and
     * the party it concerns (null for the application as a whole, where any document of the type counts).
     */
    public record MissingEvidence(
            String code,
            List<DocumentType> types,
            @org.jspecify.annotations.Nullable UUID partyId) {

        public MissingEvidence {
            types = List.copyOf(types);
        }
    }
}
