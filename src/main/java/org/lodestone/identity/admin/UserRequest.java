package org.lodestone.identity.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user as an administrator submits it. Without a password the user can only sign in through OIDC. On update,
 * username, password and organisation are ignored; {@code version} may come here or in {@code If-Match}.
 */
public record UserRequest(
        @Nullable String username,
        @Nullable String displayName,
        @Nullable String email,
        @Nullable String password,
        @Nullable String organisationId,
        @Nullable List<String> roles,
        @Nullable Boolean enabled,
        @Nullable Long version) {}
