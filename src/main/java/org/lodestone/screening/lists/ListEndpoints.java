package org.lodestone.screening.lists;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the list endpoints: only ADMIN imports; every signed-in user sees which lists are active (applicants
 * learn what they are screened against); releases, rejected lines and diffs are for the authority's staff.
 */
@Component
class ListEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/screening/lists")
                .authenticated()
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/screening/lists/*/releases",
                        "/api/v1/screening/lists/*/releases/*",
                        "/api/v1/screening/lists/*/releases/*/diff",
                        "/screening/lists")
                .hasAnyRole("ADMIN", "REVIEWER", "SUPERVISOR", "ENFORCEMENT", "AUDITOR")
                .requestMatchers(HttpMethod.POST, "/api/v1/screening/lists/*/releases", "/screening/lists/releases")
                .hasRole("ADMIN");
    }
}
