package org.lodestone.licensing.licence;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the licence endpoints at the filter level: verification is public (rate-limited in the controller);
 * everything else needs a signed-in user, and the need-to-know rules of {@link LicenceAccess} decide per licence
 * (404 for strangers, 403 for readers who may not act).
 */
@Component
class LicenceEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/verify/*", "/api/v1/verify/*")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/licences", "/api/v1/licences/**")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/licences/*/shipments", "/api/v1/licences/*/status")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/licences", "/licences/**")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/licences/*/shipments", "/licences/*/status")
                .authenticated();
    }
}
