package org.lodestone.identity.security;

import java.util.List;
import java.util.Optional;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditActors;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.identity.UserId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the current user from the security context, whichever of the three logins put it there. */
@Component
class CurrentUsers implements Identity, AuditActors {

    private final Directory directory;

    CurrentUsers(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<OrganisationProfile> organisation(OrganisationId id) {
        return directory.organisation(id);
    }

    @Override
    public List<OrganisationProfile> organisations(OrganisationKind kind) {
        return directory.organisations(kind);
    }

    @Override
    public List<UserContact> members(OrganisationId organisation, Role role) {
        return directory.members(organisation, role);
    }

    @Override
    public Optional<OrganisationId> organisationOf(UserId user) {
        return directory.organisationOf(user);
    }

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

    /**
     * Username and organisation of the current user; "system" outside any request (start-up, scheduled jobs),
     * "anonymous" for unauthenticated callers, and the bare name for any other authenticated principal.
     */
    @Override
    public AuditActor current() {
        Optional<CurrentUser> user = currentUser();
        if (user.isPresent()) {
            return new AuditActor(
                    user.get().username(), user.get().organisationId().toString());
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return AuditActor.SYSTEM;
        }
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return AuditActor.ANONYMOUS;
        }
        return new AuditActor(authentication.getName(), null);
    }
}
