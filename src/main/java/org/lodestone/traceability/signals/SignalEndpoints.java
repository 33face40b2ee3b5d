package org.lodestone.traceability.signals;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call the signal endpoints, by role; {@link SignalDesk} then decides by jurisdiction (404 outside it). */
@Component
class SignalEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/traceability/signals",
                        "/api/v1/traceability/signals/*",
                        "/traceability/signals")
                .hasAnyRole("ENFORCEMENT", "REVIEWER", "SUPERVISOR")
                .requestMatchers(
                        HttpMethod.POST, "/api/v1/traceability/signals/*/state", "/traceability/signals/*/state")
                .hasAnyRole("ENFORCEMENT", "REVIEWER", "SUPERVISOR");
    }
}
