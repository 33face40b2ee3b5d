package org.lodestone.licensing.notification;

import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.identity.UserId;

/**
 * Who receives a notice: every enabled holder of a role in an organisation (resolved when the notice is sent, through
 * {@code Identity.members}), one user of an organisation by id, or a contact the caller already has.
 */
public sealed interface Recipient {

    /** Every enabled user holding {@code role} in {@code organisation}, e.g. the authority's reviewers. */
    static Recipient toRole(OrganisationId organisation, Role role) {
        return new RoleIn(organisation, role);
    }

    /** One user of an organisation, e.g. the reviewer a case is assigned to. */
    static Recipient toUser(OrganisationId organisation, UserId user) {
        return new UserIn(organisation, user);
    }

    static Recipient to(UserContact contact) {
        return new Contact(contact);
    }

    record RoleIn(OrganisationId organisation, Role role) implements Recipient {}

    record UserIn(OrganisationId organisation, UserId user) implements Recipient {}

    record Contact(UserContact contact) implements Recipient {}
}
