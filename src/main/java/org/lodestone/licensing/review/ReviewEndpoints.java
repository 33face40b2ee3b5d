package org.lodestone.licensing.review;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the review endpoints, by role; {@link Reviews} then decides by relationship to the case (competent
 * authority, consulted authority, applicant) and state. Reads of a case are open to every signed-in user because the
 * applicant sees its own clock, requests and decisions there (strangers get a 404 from the service).
 */
@Component
class ReviewEndpoints implements EndpointPolicy {

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/review/queue", "/review")
                .hasAnyRole("REVIEWER", "SUPERVISOR")
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/applications/*/review",
                        "/api/v1/applications/*/information-requests",
                        "/api/v1/applications/*/information-requests/*",
                        "/api/v1/applications/*/decisions")
                .authenticated()
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/applications/*/assignment",
                        "/api/v1/applications/*/notes",
                        "/api/v1/applications/*/consultations")
                .hasAnyRole("REVIEWER", "SUPERVISOR", "ENFORCEMENT", "AUDITOR")
                .requestMatchers(HttpMethod.PUT, "/api/v1/applications/*/assignment")
                .hasAnyRole("REVIEWER", "SUPERVISOR")
                .requestMatchers(HttpMethod.POST, "/api/v1/applications/*/notes", "/applications/*/notes")
                .hasAnyRole("REVIEWER", "SUPERVISOR")
                .requestMatchers(HttpMethod.POST, "/applications/*/assignment")
                .hasAnyRole("REVIEWER", "SUPERVISOR")
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/applications/*/information-requests",
                        "/applications/*/information-requests",
                        "/api/v1/applications/*/consultations",
                        "/applications/*/consultations")
                .hasRole("REVIEWER")
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/applications/*/information-requests/*/response",
                        "/applications/*/information-requests/*/response")
                .hasRole("APPLICANT")
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/applications/*/consultations/*/answer",
                        "/applications/*/consultations/*/answer")
                .hasAnyRole("REVIEWER", "SUPERVISOR", "ENFORCEMENT")
                .requestMatchers(HttpMethod.POST, "/api/v1/applications/*/decision", "/applications/*/decision")
                .hasAnyRole("REVIEWER", "SUPERVISOR")
                .requestMatchers(
                        HttpMethod.POST, "/api/v1/applications/*/countersignature", "/applications/*/countersignature")
                .hasRole("SUPERVISOR");
    }
}
