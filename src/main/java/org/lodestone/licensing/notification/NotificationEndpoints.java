package org.lodestone.licensing.notification;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the notification endpoints: every authenticated user, for his own notifications only (the controllers
 * scope every query by the caller; someone else's id answers 404). Guarded by {@code NotificationTests}.
 */
@Component
class NotificationEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/notifications", "/notifications", "/notifications/**")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/notifications/*/read", "/api/v1/notifications/read-all")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/notifications/*/read", "/notifications/read-all")
                .authenticated();
    }
}
