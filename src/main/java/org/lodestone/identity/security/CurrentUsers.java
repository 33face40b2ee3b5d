package org.lodestone.identity.security;

import java.util.Optional;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditActors;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the current user from the security context, whichever of the three logins put it there. */
@Component
class CurrentUsers implements Identity, AuditActors {

    @Override
    public Optional<CurrentUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof LodestonePrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /** Username and organisation of the current user; "system" outside any request (start-up, scheduled jobs). */
    @Override
    public AuditActor current() {
        return currentUser()
                .map(u -> new AuditActor(u.username(), u.organisationId().toString()))
                .orElseGet(() -> SecurityContextHolder.getContext().getAuthentication() == null
                        ? AuditActor.SYSTEM
                        : AuditActor.ANONYMOUS);
    }
}
