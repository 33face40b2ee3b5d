package org.lodestone.licensing.licence;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.licence.certificate.CertificateFonts;
import org.lodestone.licensing.licence.certificate.CertificateRenderer;
import org.lodestone.licensing.licence.store.LicenceStore;
import org.lodestone.protection.Protection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the store, the ledger (the {@code Licences} facade) and the certificate renderer; enables the expiry job. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LicenceConfiguration {

    @Bean
    LicenceStore licenceStore(JdbcClient jdbc, Protection protection) {
        return new LicenceStore(jdbc, protection);
    }

    @Bean
    LicenceLedger licenceLedger(
            LicenceStore store,
            PlatformTransactionManager transactions,
            AuditTrail audit,
            Identity identity,
            ApplicationEventPublisher events,
            ObjectProvider<Clock> clock,
            LicenceProperties properties) {
        return new LicenceLedger(
                store, transactions, audit, identity, events, clock.getIfUnique(Clock::systemUTC), properties);
    }

    @Bean
    CertificateRenderer certificateRenderer(
            @Value("${lodestone.licensing.licence.certificate-font:}") @Nullable String font) {
        return new CertificateRenderer(CertificateFonts.discover(font));
    }
}
