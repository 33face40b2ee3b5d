package org.lodestone.identity.store;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserId;

/** A user as stored. {@code passwordHash} is null for users who sign in only through OIDC. */
public record UserAccount(
        UserId id,
        String username,
        String displayName,
        @Nullable String email,
        @Nullable String passwordHash,
        OrganisationId organisationId,
        Set<Role> roles,
        boolean enabled,
        int failedAttempts,
        @Nullable Instant lockedUntil,
        long version,
        Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
