package org.lodestone.licensing.invitation.http;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call invitation and contribution endpoints, coarsely (#6): APPLICANTs invite and revoke, any signed-in user
 * lists (need-to-know per application), CONSIGNEEs accept and see their contributions; the landing page and the
 * account form of an invitation are open to anyone holding the link (the token is the credential, CSRF protects the
 * form). The fine rules are {@code Invitations}' and {@code ContributorCases}'.
 */
@Component
class InvitationEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/applications/*/invitations", "/applications/*/invitations")
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.DELETE, "/api/v1/applications/*/invitations/*")
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.POST, "/applications/*/invitations/*/revoke")
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.GET, "/api/v1/applications/*/invitations")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/invitations/*/acceptance", "/invitations/*/accept")
                .hasRole("CONSIGNEE")
                .requestMatchers(HttpMethod.GET, "/invitations/*/accept")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/invitations/*")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/invitations/*/account")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/contributions", "/api/v1/contributions/*")
                .hasRole("CONSIGNEE")
                .requestMatchers(HttpMethod.GET, "/contributions", "/contributions/*")
                .hasRole("CONSIGNEE")
                .requestMatchers(HttpMethod.POST, "/contributions/*/documents", "/contributions/*/documents/*/remove")
                .hasRole("CONSIGNEE");
    }
}
