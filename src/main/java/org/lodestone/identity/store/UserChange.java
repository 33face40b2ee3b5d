package org.lodestone.identity.store;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Role;

/** What an administrator may change on a user; applied only if the stored version still equals {@code version}. */
public record UserChange(String displayName, @Nullable String email, Set<Role> roles, boolean enabled, long version) {}
