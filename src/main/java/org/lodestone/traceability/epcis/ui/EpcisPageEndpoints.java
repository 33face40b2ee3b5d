package org.lodestone.traceability.epcis.ui;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may open the EPCIS pages: reporters capture; reporters and authority staff browse what they may read. */
@Component
class EpcisPageEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/traceability/capture")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.POST, "/traceability/capture")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.GET, "/traceability/events")
                .hasAnyRole("REPORTER", "REVIEWER", "ENFORCEMENT");
    }
}
