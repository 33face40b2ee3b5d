package org.lodestone.screening.hits;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the hit endpoints, by role; {@link Adjudications} then decides by the hit's authority (404 for hits of
 * another authority, unless national ENFORCEMENT reads).
 */
@Component
class HitEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/screening/hits",
                        "/api/v1/screening/hits/*",
                        "/screening/hits",
                        "/screening/hits/panel")
                .hasAnyRole("REVIEWER", "SUPERVISOR", "ENFORCEMENT")
                .requestMatchers(
                        HttpMethod.POST, "/api/v1/screening/hits/*/adjudication", "/screening/hits/*/adjudication")
                .hasRole("REVIEWER");
    }
}
