package org.lodestone.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.lodestone.identity.tokens.ApiTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <token>} and authenticates it against the stored API tokens; an unknown,
 * expired or revoked token, or a disabled owner, is a 401. Not a bean on purpose: it must stay out of the global
 * authentication manager, which serves password logins only.
 */
final class BearerTokens implements AuthenticationConverter, AuthenticationProvider {

    private static final String SCHEME = "bearer ";

    private final ApiTokens tokens;
    private final Users users;
    private final Principals principals;

    BearerTokens(ApiTokens tokens, Users users, Principals principals) {
        this.tokens = tokens;
        this.users = users;
        this.principals = principals;
    }

    @Override
    public @Nullable Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return null;
        }
        String secret = header.substring(SCHEME.length()).strip();
        if (secret.isEmpty()) {
            throw new BadCredentialsException("The Authorization header carries an empty bearer token");
        }
        return BearerTokenAuthentication.unauthenticated(secret);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            throw new BadCredentialsException("No bearer token");
        }
        return switch (tokens.check(credentials.toString())) {
            case ApiTokens.Check.Invalid invalid -> throw new BadCredentialsException(invalid.reason());
            case ApiTokens.Check.Valid valid -> {
                UserAccount user = users.find(valid.token().userId())
                        .orElseThrow(() -> new BadCredentialsException("The API token's owner no longer exists"));
                if (!user.enabled()) {
                    throw new DisabledException("The account that owns this API token is disabled");
                }
                LodestonePrincipal principal = principals.of(user);
                principal.eraseCredentials();
                yield BearerTokenAuthentication.authenticated(principal);
            }
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
