package org.lodestone.audit.store;

import java.util.function.Supplier;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditActors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting now: the {@link AuditActors} bean if a module provides one (identity, which knows organisations),
 * else the name in Spring Security's context, else {@link AuditActor#SYSTEM}. The bean is looked up per call, so the
 * provider may itself depend on the trail without a cycle.
 */
final class ContextActor implements Supplier<AuditActor> {

    private final ObjectProvider<AuditActors> actors;

    ContextActor(ObjectProvider<AuditActors> actors) {
        this.actors = actors;
    }

    @Override
    public AuditActor get() {
        AuditActors provider = actors.getIfUnique();
        if (provider != null) {
            return provider.current();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return AuditActor.SYSTEM;
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return AuditActor.ANONYMOUS;
        }
        return new AuditActor(authentication.getName(), null);
    }
}
