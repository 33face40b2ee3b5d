package org.lodestone.identity;

import java.util.Optional;

/** Facade of the identity module for other modules. */
public interface Identity {

    /** The user behind the current request, if one is authenticated (form login, API token or OIDC). */
    Optional<CurrentUser> currentUser();
}
