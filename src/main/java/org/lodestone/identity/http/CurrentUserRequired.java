package org.lodestone.identity.http;

import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The policies guarantee an authenticated user on these endpoints; this turns a broken guarantee into a 401. */
final class CurrentUserRequired {

    private CurrentUserRequired() {}

    static CurrentUser of(Identity identity) {
        return identity.currentUser()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Authentication required"));
    }
}
