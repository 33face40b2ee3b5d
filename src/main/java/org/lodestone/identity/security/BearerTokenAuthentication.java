package org.lodestone.identity.security;

import java.io.Serial;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API-token authentication: before checking it holds only the presented secret; afterwards the principal and no
 * credentials (the secret is not kept beyond the check).
 */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private @Nullable String secret;
    private final @Nullable LodestonePrincipal principal;

    private BearerTokenAuthentication(@Nullable String secret, @Nullable LodestonePrincipal principal) {
        super(principal == null ? List.of() : principal.getAuthorities());
        this.secret = secret;
        this.principal = principal;
        setAuthenticated(principal != null);
    }

    static BearerTokenAuthentication unauthenticated(String secret) {
        return new BearerTokenAuthentication(secret, null);
    }

    static BearerTokenAuthentication authenticated(LodestonePrincipal principal) {
        return new BearerTokenAuthentication(null, principal);
    }

    @Override
    public @Nullable Object getCredentials() {
        return secret;
    }

    @Override
    public @Nullable Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal == null ? "" : principal.getUsername();
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        secret = null;
    }
}
