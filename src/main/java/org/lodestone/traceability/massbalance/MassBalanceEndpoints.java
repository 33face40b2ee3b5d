package org.lodestone.traceability.massbalance;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may read mass balances, by role; the API then decides by enterprise and jurisdiction (404 otherwise). */
@Component
class MassBalanceEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/traceability/mass-balance")
                .hasAnyRole("REPORTER", "REVIEWER", "SUPERVISOR", "ENFORCEMENT");
    }
}
