package org.lodestone.identity;

import java.io.Serializable;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user as other modules see it: enough to decide ownership (organisation) and competence
 * (jurisdiction of an authority) without reaching into identity's tables.
 */
public record CurrentUser(
        UserId id,
        String username,
        String displayName,
        OrganisationId organisationId,
        String organisationName,
        OrganisationKind organisationKind,
        @Nullable String jurisdiction,
        Set<Role> roles)
        implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
