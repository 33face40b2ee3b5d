package org.lodestone.licensing;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;

/**
 * An application or licence whose parties are screened.
 *
 * @param id the application's id, or the licence's id
 * @param reference the application reference or licence number, for people
 * @param authority the competent (application) or issuing (licence) authority, whose reviewers adjudicate its hits
 */
public record ScreeningSubject(
        Kind kind, UUID id, String reference, @Nullable OrganisationId authority, List<PartyToScreen> parties) {

    public enum Kind {
        APPLICATION,
        LICENCE
    }

    public ScreeningSubject {
        parties = List.copyOf(parties);
    }

    /**
     * One party as screening sees it.
     *
     * @param key stable within the subject: the party's id on an application, its role on a licence
     * @param role CONSIGNEE, END_USER, …
     * @param name the name in Latin script
     * @param nameOriginal the name in its own script, if given
     * @param country ISO 3166-1 alpha-2
     */
    public record PartyToScreen(
            String key,
            String role,
            String name,
            @Nullable String nameOriginal,
            @Nullable String country,
            List<Identifier> identifiers) {

        public PartyToScreen {
            identifiers = List.copyOf(identifiers);
        }
    }

    /** A registration number of a party. */
    public record Identifier(String type, String value) {}
}
