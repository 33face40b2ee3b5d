package org.lodestone.traceability.chain;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the chain registry endpoints, by role; {@link ChainRegistry} then decides by organisation and
 * jurisdiction (404 for another organisation's records).
 */
@Component
class ChainEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.PUT, "/api/v1/traceability/enterprises/*/quotas")
                .hasAnyRole("SUPERVISOR", "ADMIN")
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/traceability/enterprises",
                        "/api/v1/traceability/enterprises/**",
                        "/api/v1/traceability/lots")
                .hasAnyRole("REPORTER", "REVIEWER", "SUPERVISOR", "ENFORCEMENT", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/traceability/enterprises/**")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.POST, "/api/v1/traceability/enterprises/**")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.GET, "/traceability/registry")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.POST, "/traceability/registry/sites", "/traceability/registry/lots")
                .hasRole("REPORTER");
    }
}
