package org.lodestone.controllist;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the control list: every authenticated user may determine and browse (public data), only ADMIN may
 * change the catalogue. Identity applies this policy and denies everything no policy names.
 */
@Component
class ControlListEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/determinations")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/control-list", "/api/v1/control-list/**")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/control-list/**")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/determinations/new", "/control-list")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/determinations")
                .authenticated();
    }
}
