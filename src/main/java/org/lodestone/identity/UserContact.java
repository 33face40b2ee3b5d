package org.lodestone.identity;

import org.jspecify.annotations.Nullable;

/** Whom to notify: an enabled user of an organisation, with an e-mail address where one is known. */
public record UserContact(
        UserId id,
        String username,
        String displayName,
        @Nullable String email) {}
