package org.lodestone.licensing.review;

import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.licensing.application.CaseSharing;
import org.lodestone.licensing.review.store.ReviewStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the review store, and shares a case with the authorities consulted on it. */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    ReviewStore reviewStore(JdbcClient jdbc, JsonMapper json) {
        return new ReviewStore(jdbc, json);
    }

    /** A consulted authority's REVIEWERs, SUPERVISORs and ENFORCEMENT staff may read the case (and its evidence). */
    @Bean
    CaseSharing consultedAuthorities(ReviewStore store) {
        return (application, user) -> consultee(user) && store.consulted(application, user.organisationId());
    }

    private static boolean consultee(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR) || user.has(Role.ENFORCEMENT));
    }
}
