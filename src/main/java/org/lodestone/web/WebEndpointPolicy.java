package org.lodestone.web;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may reach the shell's own paths: the start page, assets, error page, health probes and API description are
 * public (load balancers and first-time visitors have no login); metrics only for administrators, because they reveal
 * traffic and internals; the audit trail only for auditors. Guarded by {@code OperabilityTests} and
 * {@code AuditPageTests}.
 */
@Component
class WebEndpointPolicy implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/")
                .permitAll()
                .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .permitAll()
                .requestMatchers("/actuator/prometheus")
                .hasRole("ADMIN")
                .requestMatchers("/actuator/info")
                .authenticated()
                .requestMatchers("/audit", "/audit/**")
                .hasRole("AUDITOR");
    }
}
