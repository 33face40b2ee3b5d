package org.lodestone.screening.search;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may screen names. One name: every signed-in user (the issue asks for it; a consignee may check itself). A batch:
 * exporters' APPLICANTs, who screen their customers, and the authorities' REVIEWERs, SUPERVISORs and ENFORCEMENT
 * staff; not AUDITORs and ADMINs (no screening work) nor CONSIGNEEs (no customer files to screen).
 */
@Component
class SearchEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/screening/search", "/screening/search")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/screening/search")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/screening/batch")
                .hasAnyRole("APPLICANT", "REVIEWER", "SUPERVISOR", "ENFORCEMENT");
    }
}
