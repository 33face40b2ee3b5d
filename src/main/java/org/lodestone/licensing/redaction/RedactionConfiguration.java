package org.lodestone.licensing.redaction;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.licensing.application.ApplicationAccess;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.redaction.store.RedactionStore;
import org.lodestone.licensing.review.store.ReviewStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires redaction and the two audiences known today: authorities consulted on the case (from the review's consultation
 * records) and foreign-party organisations. {@code access} is lazy in {@link FieldRedactions} because the applications
 * pass every application they hand out through it.
 */
@Configuration(proxyBeanMethods = false)
class RedactionConfiguration {

    @Bean
    RedactionStore redactionStore(JdbcClient jdbc, JsonMapper json) {
        return new RedactionStore(jdbc, json);
    }

    @Bean
    AudienceMembership consultedAuthorityAudience(ReviewStore reviews) {
        return (application, user) -> user.organisationKind() == OrganisationKind.AUTHORITY
                        && reviews.consulted(application.id(), user.organisationId())
                ? Set.of(Audience.CONSULTED_AUTHORITY)
                : Set.of();
    }

    @Bean
    AudienceMembership foreignPartyAudience() {
        return (application, user) ->
                user.organisationKind() == OrganisationKind.FOREIGN_PARTY ? Set.of(Audience.FOREIGN_PARTY) : Set.of();
    }

    @Bean
    Readers redactionReaders(List<AudienceMembership> memberships) {
        return new Readers(memberships);
    }

    @Bean
    FieldRedactions fieldRedactions(
            RedactionStore store,
            Readers readers,
            @Lazy ApplicationAccess access,
            AuditTrail audit,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        return new FieldRedactions(store, readers, access, audit, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Redactions redactions(
            @Lazy ApplicationAccess access,
            @Lazy Applications applications,
            @Lazy Evidence evidence,
            RedactionStore store,
            Readers readers,
            FieldRedactions fields,
            AuditTrail audit,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        return new Redactions(
                access,
                applications,
                evidence,
                store,
                readers,
                fields,
                audit,
                transactions,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
