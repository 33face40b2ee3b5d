package org.lodestone.licensing.application;

import org.lodestone.identity.EndpointPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the application endpoints: any signed-in user may read (need-to-know is decided per application, and
 * what one may not see is a 404), only APPLICANTs may write. Paths are named one by one because other parts of
 * licensing add their own under {@code /api/v1/applications/{id}/…}, and policies must not overlap.
 */
@Component
class ApplicationEndpoints implements EndpointPolicy {

    static final String[] API_READ = {
        "/api/v1/applications",
        "/api/v1/applications/*",
        "/api/v1/applications/*/parties",
        "/api/v1/applications/*/parties/*",
        "/api/v1/applications/*/items",
        "/api/v1/applications/*/items/*",
        "/api/v1/applications/*/completeness",
        "/api/v1/applications/*/history",
        "/api/v1/applications/*/versions",
        "/api/v1/applications/*/versions/*",
        "/api/v1/applications/*/versions/*/diff"
    };

    static final String[] API_WRITE = {
        "/api/v1/applications",
        "/api/v1/applications/*",
        "/api/v1/applications/*/parties",
        "/api/v1/applications/*/parties/*",
        "/api/v1/applications/*/items",
        "/api/v1/applications/*/items/*",
        "/api/v1/applications/*/submit",
        "/api/v1/applications/*/withdraw"
    };

    static final String[] PAGES_READ = {"/applications", "/applications/new", "/applications/*"};

    static final String[] PAGES_WRITE = {
        "/applications",
        "/applications/*/details",
        "/applications/*/parties",
        "/applications/*/parties/*/delete",
        "/applications/*/items",
        "/applications/*/items/*/delete",
        "/applications/*/submit",
        "/applications/*/withdraw"
    };

    @Override
    public void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, API_READ)
                .authenticated()
                .requestMatchers(HttpMethod.POST, API_WRITE)
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.PUT, API_WRITE)
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.DELETE, API_WRITE)
                .hasRole("APPLICANT")
                .requestMatchers(HttpMethod.GET, PAGES_READ)
                .authenticated()
                .requestMatchers(HttpMethod.POST, PAGES_WRITE)
                .hasRole("APPLICANT");
    }
}
