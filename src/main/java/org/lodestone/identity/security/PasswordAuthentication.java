package org.lodestone.identity.security;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.store.UserAccount;
import org.lodestone.identity.store.Users;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Username and password, for form login and for HTTP Basic on the token endpoint. The lock is checked before the
 * password, so a locked account stays locked even for the right password. It is the application's only
 * {@link AuthenticationProvider} bean, which makes it the global one both filter chains fall back to.
 */
@Component
class PasswordAuthentication implements AuthenticationProvider {

    private final Users users;
    private final Principals principals;
    private final LoginAttempts attempts;
    private final PasswordEncoder encoder;
    /** Hashed once so that an unknown username costs as much time as a wrong password. */
    private final String dummyHash;

    PasswordAuthentication(Users users, Principals principals, LoginAttempts attempts, PasswordEncoder encoder) {
        this.users = users;
        this.principals = principals;
        this.attempts = attempts;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-password-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String method = "password";
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            encoder.matches(password, dummyHash);
            attempts.refused(username, null, method, "unknown user");
            throw new BadCredentialsException("Bad credentials");
        }
        UserAccount user = found.get();
        if (!user.enabled()) {
            attempts.refused(username, user, method, "disabled");
            throw new DisabledException("This account is disabled");
        }
        Instant now = Instant.now();
        if (user.lockedAt(now)) {
            attempts.refused(username, user, method, "locked");
            throw new LockedException(LoginAttempts.lockedMessage(user.lockedUntil()));
        }
        @Nullable String hash = user.passwordHash();
        if (hash == null || !encoder.matches(password, hash)) {
            Optional<Instant> lockedUntil = attempts.failed(user, method);
            if (lockedUntil.isPresent()) {
                throw new LockedException(LoginAttempts.lockedMessage(lockedUntil.get()));
            }
            throw new BadCredentialsException("Bad credentials");
        }
        if (encoder.upgradeEncoding(hash)) {
            users.changePasswordHash(user.id(), encoder.encode(password));
        }
        attempts.succeeded(user, method);
        LodestonePrincipal principal = principals.of(user);
        principal.eraseCredentials();
        var result = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
