package org.lodestone.identity.security;

import java.util.List;
import java.util.Optional;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.identity.UserId;
import org.lodestone.identity.store.Organisation;
import org.lodestone.identity.store.Organisations;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.springframework.stereotype.Component;

/** Read-only look-ups of organisations and their members for other modules, without exposing identity's tables. */
@Component
class Directory {

    private final Organisations organisations;
    private final Users users;

    Directory(Organisations organisations, Users users) {
        this.organisations = organisations;
        this.users = users;
    }

    Optional<OrganisationProfile> organisation(OrganisationId id) {
        return organisations.find(id).map(Directory::profile);
    }

    List<OrganisationProfile> organisations(OrganisationKind kind) {
        return organisations.ofKind(kind).stream().map(Directory::profile).toList();
    }

    List<UserContact> members(OrganisationId organisation, Role role) {
        return users.members(organisation, role).stream()
                .map(Directory::contact)
                .toList();
    }

    Optional<OrganisationId> organisationOf(UserId user) {
        return users.find(user).map(UserAccount::organisationId);
    }

    private static OrganisationProfile profile(Organisation o) {
        return new OrganisationProfile(
                o.id(), o.name(), o.nameOriginal(), o.kind(), o.country(), o.region(), o.jurisdiction());
    }

    private static UserContact contact(UserAccount u) {
        return new UserContact(u.id(), u.username(), u.displayName(), u.email());
    }
}
