package org.lodestone.licensing.application;

import org.lodestone.licensing.application.completeness.CompletenessCheck;
import org.lodestone.licensing.application.completeness.CompletenessRules;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.lodestone.licensing.application.store.LegacyPlaintext;
import org.lodestone.protection.Protection;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the store and the checklist, which live in sub-packages without Spring annotations of their own. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    ApplicationStore applicationStore(JdbcClient jdbc, Protection protection) {
        return new ApplicationStore(jdbc, protection);
    }

    /**
     * Seals values a database from before encryption at rest holds in clear (#6), after every bean exists and before
     * the server accepts requests or schedulers run.
     */
    @Bean
    SmartInitializingSingleton sealLegacyPlaintext(
            JdbcClient jdbc, Protection protection, TransactionTemplate transactions) {
        return () -> new LegacyPlaintext(jdbc, protection, transactions).sealAll();
    }

    /** Loaded at start-up so a broken rules file stops the application instead of failing the first check. */
    @Bean
    CompletenessCheck completenessCheck() {
        return new CompletenessCheck(CompletenessRules.load());
    }
}
