package org.lodestone.licensing.redaction.http;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call redaction endpoints, coarsely: making a redaction and marking fields need the APPLICANT role, reading
 * needs a login. Ownership, the application's state and audiences are decided in {@code Redactions} and
 * {@code FieldRedactions} (strangers 404).
 */
@Component
class RedactionEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/applications/*/documents/*/redactions")
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.PUT, "/api/v1/applications/*/field-redactions")
                .hasRole("APPLICANT")
                .requestMatchers(
                        HttpMethod.POST, "/applications/*/documents/*/redact", "/applications/*/field-redactions")
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.GET, "/applications/*/documents/*/redact")
                .hasRole("APPLICANT")
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/applications/*/documents/*/redactions",
                        "/api/v1/applications/*/redactions",
                        "/api/v1/applications/*/field-redactions")
                .authenticated();
    }
}
