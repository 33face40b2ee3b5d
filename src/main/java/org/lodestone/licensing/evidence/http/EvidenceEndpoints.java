package org.lodestone.licensing.evidence.http;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call evidence endpoints, coarsely: uploading and removing need the APPLICANT role (or, on the API, CONSIGNEE
 * for a contributor's sealed evidence), reading needs a login.
 * The fine rules (own organisation, competent authority, application state) are {@code ApplicationAccess}'s, asked on
 * every call. The patterns are specific so they precede any broader rule on {@code /api/v1/applications/**}.
 */
@Component
class EvidenceEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        // CONSIGNEEs upload and remove through the API as contributors of sealed evidence (#6); on pages they use
        // their own forms under /contributions
        rules.requestMatchers(HttpMethod.POST, "/api/v1/applications/*/documents")
                .hasAnyRole("APPLICANT", "CONSIGNEE")
                .requestMatchers(HttpMethod.POST, "/applications/*/documents")
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.DELETE, "/api/v1/applications/*/documents/*")
                .hasAnyRole("APPLICANT", "CONSIGNEE")
                .requestMatchers(HttpMethod.POST, "/applications/*/documents/*/remove")
                .hasRole("APPLICANT")
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/applications/*/documents",
                        "/api/v1/documents/*",
                        "/api/v1/documents/*/content",
                        "/applications/*/documents",
                        "/documents/*/content")
                .authenticated();
    }
}
