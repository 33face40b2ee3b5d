package org.lodestone.licensing.transparency.http;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the access-transparency endpoints (#6): the access log is for owners of data (APPLICANT, CONSIGNEE); data
 * exports for the staff of an authority who may read applications in bulk (REVIEWER, SUPERVISOR, ENFORCEMENT), their
 * decision for SUPERVISORs. Which organisation's log, and which authority's exports, is decided in the service from the
 * caller, never from the request.
 */
@Component
class TransparencyEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/access-log", "/access-log")
                .hasAnyRole("APPLICANT", "CONSIGNEE")
                .requestMatchers(HttpMethod.POST, "/api/v1/data-exports/*/decision", "/data-exports/*/decision")
                .hasRole("SUPERVISOR")
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/data-exports",
                        "/api/v1/data-exports/*",
                        "/api/v1/data-exports/*/content",
                        "/data-exports",
                        "/data-exports/*/content")
                .hasAnyRole("REVIEWER", "SUPERVISOR", "ENFORCEMENT")
                .requestMatchers(HttpMethod.POST, "/api/v1/data-exports", "/data-exports")
                .hasAnyRole("REVIEWER", "SUPERVISOR", "ENFORCEMENT");
    }
}
