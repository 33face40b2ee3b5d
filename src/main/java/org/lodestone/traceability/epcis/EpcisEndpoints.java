package org.lodestone.traceability.epcis;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the EPCIS endpoints, by role: REPORTER captures and reads its own jobs; REPORTER, REVIEWER and
 * ENFORCEMENT query events, each then limited to what it may see ({@link EventQueries}).
 */
@Component
class EpcisEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/epcis/capture", "/epcis/events")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.GET, "/epcis/capture", "/epcis/capture/*")
                .hasRole("REPORTER")
                .requestMatchers(HttpMethod.GET, "/epcis/events", "/epcis/events/*")
                .hasAnyRole("REPORTER", "REVIEWER", "ENFORCEMENT");
    }
}
