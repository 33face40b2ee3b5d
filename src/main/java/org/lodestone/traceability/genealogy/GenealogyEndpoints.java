package org.lodestone.traceability.genealogy;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may trace and list exports, by role; {@link Genealogy#scopeOf} then narrows what they see to their jurisdiction
 * (authorities) or their own events (reporters).
 */
@Component
class GenealogyEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/traceability/genealogy",
                        "/traceability/genealogy",
                        "/api/v1/traceability/exports")
                .hasAnyRole("REVIEWER", "SUPERVISOR", "ENFORCEMENT", "REPORTER");
    }
}
