package org.lodestone.identity.security;

import org.lodestone.identity.EndpointPolicy;
import org.lodestone.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call identity's own endpoints (and the audit and key management APIs', see below). */
@Component
class IdentityEndpointPolicy implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/login", "/logout", "/oauth2/**", "/login/oauth2/**")
                .permitAll()
                .requestMatchers("/account/**")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
                .access(Denials.passwordOnly())
                .requestMatchers("/api/v1/auth/**", "/api/v1/me")
                .authenticated()
                .requestMatchers("/api/v1/admin/**")
                .hasRole(Role.ADMIN.name())
                // The audit module sits below identity and may not depend on it, so it cannot contribute an
                // EndpointPolicy bean; its API's rule lives here instead.
                .requestMatchers("/api/v1/audit/**")
                .hasRole(Role.AUDITOR.name())
                // Likewise for the protection module (key management, #6).
                .requestMatchers("/api/v1/protection/**")
                .hasRole(Role.ADMIN.name());
    }
}
