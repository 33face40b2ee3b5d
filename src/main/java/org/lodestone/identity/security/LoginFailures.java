package org.lodestone.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Sends a failed login back to the login page with the kind of failure in the URL, and keeps the exception in the
 * session so the page can say until when an account is locked or why an OIDC login was refused.
 */
final class LoginFailures extends SimpleUrlAuthenticationFailureHandler {

    LoginFailures() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        saveException(request, failure);
        String target = switch (failure) {
            case LockedException locked -> "/login?locked";
            case DisabledException disabled -> "/login?disabled";
            case OAuth2AuthenticationException oidc -> "/login?oidc-error";
            default -> "/login?error";
        };
        getRedirectStrategy().sendRedirect(request, response, target);
    }
}
