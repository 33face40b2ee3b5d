package org.lodestone.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * For pages: an anonymous visitor of a protected page is sent to the login page, but a request that no policy covers
 * gets a plain 403 (rendered by the web module's error page), whoever asks.
 */
final class PageResponses implements AuthenticationEntryPoint {

    private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if (Denials.deniedByDefault(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        login.commence(request, response, failure);
    }
}
