package org.lodestone.licensing.retention.http;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Retention is for administrators only (guarded by {@code RetentionAuthorizationMatrixTests}). */
@Component
class RetentionEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/retention")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/retention/runs")
                .hasRole("ADMIN");
    }
}
