package org.lodestone.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Authorization decisions that must be told apart later: a request no policy covers is refused with 403 even for an
 * anonymous caller (asking it to log in would suggest that logging in helps), so the deciding manager marks the request
 * and the entry points read the mark. Guarded by {@code IdentityAuthorizationMatrixTests}.
 */
final class Denials {

    /** Request attribute holding why the request was refused, when the reason is not "you lack a role". */
    static final String REASON = Denials.class.getName() + ".reason";
    /** Request attribute set when the final default-deny rule refused the request. */
    static final String DEFAULT_DENY = Denials.class.getName() + ".defaultDeny";

    private Denials() {}

    /** The last rule of both chains: nothing matched, so nobody may. */
    static AuthorizationManager<RequestAuthorizationContext> defaultDeny() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            request.setAttribute(DEFAULT_DENY, Boolean.TRUE);
            request.setAttribute(
                    REASON, "No access policy covers " + request.getMethod() + " " + request.getRequestURI());
            return new AuthorizationDecision(false);
        };
    }

    /**
     * Allows only a password authentication (HTTP Basic): a token may not mint further tokens, or a leaked token could
     * be renewed for ever.
     */
    static AuthorizationManager<RequestAuthorizationContext> passwordOnly() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends @Nullable Authentication> authentication, RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                boolean granted = auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated();
                if (!granted) {
                    context.getRequest()
                            .setAttribute(
                                    REASON,
                                    "API tokens are created with your username and password (HTTP Basic), not with a token");
                }
                return new AuthorizationDecision(granted);
            }
        };
    }

    static boolean deniedByDefault(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(DEFAULT_DENY));
    }

    static @Nullable String reason(HttpServletRequest request) {
        Object reason = request.getAttribute(REASON);
        return reason == null ? null : reason.toString();
    }
}
