package org.lodestone.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page, whichever module's controller renders it: whether this is demo mode (the
 * banner), who is logged in (navigation by role), the version and the request id (footer, error reports).
 */
@ControllerAdvice
class LayoutAttributes {

    private static final String USER_ATTRIBUTE = LayoutAttributes.class.getName() + ".currentUser";

    private final boolean demo;
    private final Identity identity;

    LayoutAttributes(@Value("${lodestone.demo:true}") boolean demo, Identity identity) {
        this.demo = demo;
        this.identity = identity;
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo;
    }

    @ModelAttribute("currentUser")
    @Nullable
    CurrentUser currentUser(HttpServletRequest request) {
        // Asked once per request: the layout needs the user for both the name and the roles.
        if (request.getAttribute(USER_ATTRIBUTE) instanceof Optional<?> cached) {
            return (CurrentUser) cached.orElse(null);
        }
        Optional<CurrentUser> user = identity.currentUser();
        request.setAttribute(USER_ATTRIBUTE, user);
        return user.orElse(null);
    }

    /** Role names of the current user (empty when anonymous), so templates can test them without static access. */
    @ModelAttribute("roles")
    Set<String> roles(HttpServletRequest request) {
        CurrentUser user = currentUser(request);
        if (user == null) {
            return Set.of();
        }
        return user.roles().stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @ModelAttribute("appVersion")
    String appVersion() {
        return Versions.application();
    }

    @ModelAttribute("requestId")
    @Nullable
    String requestId(HttpServletRequest request) {
        return RequestIdFilter.of(request);
    }
}
