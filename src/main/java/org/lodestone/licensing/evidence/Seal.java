package org.lodestone.licensing.evidence;

import java.util.UUID;
import org.lodestone.identity.OrganisationId;

/**
 * Marks an evidence document uploaded by a contributor — the foreign party of {@code partyId}, organisation
 * {@code contributor} — as sealed (#6): the applicant sees that it exists (type, party, date, size, SHA-256) but not
 * its name, description or content. {@code locked} says whether that is so for the user who asked.
 */
public record Seal(DocumentId document, UUID partyId, OrganisationId contributor, boolean locked) {

    Seal lockedFor(boolean locked) {
        return new Seal(document, partyId, contributor, locked);
    }
}
