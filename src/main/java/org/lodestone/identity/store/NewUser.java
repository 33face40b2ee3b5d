package org.lodestone.identity.store;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;

/** A user to create; {@code passwordHash} is already encoded (or null for an OIDC-only user). */
public record NewUser(
        String username,
        String displayName,
        @Nullable String email,
        @Nullable String passwordHash,
        OrganisationId organisationId,
        Set<Role> roles) {}
