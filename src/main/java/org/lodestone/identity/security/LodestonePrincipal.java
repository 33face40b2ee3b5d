package org.lodestone.identity.security;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The one principal type behind all three ways in (form login, API token, OIDC), so {@code Identity} reads the
 * current user the same way whatever authenticated it. It is a {@link UserDetails} for password logins and an
 * {@link OidcUser} after an OIDC login (then it also carries the ID token).
 */
public final class LodestonePrincipal implements UserDetails, OidcUser, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final @Nullable Instant lockedUntil;
    private final @Nullable OidcIdToken idToken;
    private final @Nullable OidcUserInfo userInfo;

    LodestonePrincipal(
            CurrentUser user,
            @Nullable String passwordHash,
            boolean enabled,
            @Nullable Instant lockedUntil,
            @Nullable OidcIdToken idToken,
            @Nullable OidcUserInfo userInfo) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    public CurrentUser user() {
        return user;
    }

    LodestonePrincipal withOidc(OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        return new LodestonePrincipal(user, null, enabled, lockedUntil, idToken, userInfo);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream()
                .sorted()
                .map(Role::authority)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of() : idToken.getClaims();
    }

    @Override
    @SuppressWarnings("NullAway")
    public @Nullable OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    @SuppressWarnings("NullAway")
    public @Nullable OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public String toString() {
        return "LodestonePrincipal[" + user.username() + ", roles=" + List.copyOf(user.roles()) + "]";
    }
}
