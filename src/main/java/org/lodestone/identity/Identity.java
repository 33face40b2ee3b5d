package org.lodestone.identity;

import java.util.List;
import java.util.Optional;

/** Facade of the identity module for other modules. */
public interface Identity {

    /** The user behind the current request, if one is authenticated (form login, API token or OIDC). */
    Optional<CurrentUser> currentUser();

    Optional<OrganisationProfile> organisation(OrganisationId id);

    /** All organisations of a kind, by name; used e.g. to route applications to the competent authority. */
    List<OrganisationProfile> organisations(OrganisationKind kind);

    /** Enabled users of the organisation holding the role, for notifications and assignment. */
    List<UserContact> members(OrganisationId organisation, Role role);

    /**
     * The organisation a user (enabled or not) belongs to, e.g. whose evidence a document is (#6); empty for an unknown
     * user. Default for test doubles that know no users.
     */
    default Optional<OrganisationId> organisationOf(UserId user) {
        return Optional.empty();
    }
}
