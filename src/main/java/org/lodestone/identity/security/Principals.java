package org.lodestone.identity.security;

import java.util.Optional;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.store.Organisation;
import org.lodestone.identity.store.Organisations;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.springframework.stereotype.Component;

/**
 * Builds the principal for a stored user, joining in the organisation that other modules decide on. Deliberately not
 * a {@code UserDetailsService}: Spring would build a second, lockout-unaware password provider from it.
 */
@Component
public class Principals {

    private final Users users;
    private final Organisations organisations;

    Principals(Users users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    public Optional<LodestonePrincipal> byUsername(String username) {
        return users.findByUsername(username).map(this::of);
    }

    LodestonePrincipal of(UserAccount account) {
        Organisation org = organisations.find(account.organisationId()).orElseThrow();
        var user = new CurrentUser(
                account.id(),
                account.username(),
                account.displayName(),
                org.id(),
                org.name(),
                org.kind(),
                org.jurisdiction(),
                account.roles());
        return new LodestonePrincipal(
                user, account.passwordHash(), account.enabled(), account.lockedUntil(), null, null);
    }
}
