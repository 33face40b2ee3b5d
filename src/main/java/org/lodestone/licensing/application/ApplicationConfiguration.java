package org.lodestone.licensing.application;

import org.lodestone.licensing.application.completeness.CompletenessCheck;
import org.lodestone.licensing.application.completeness.CompletenessRules;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.lodestone.protection.Protection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the store and the checklist, which live in sub-packages without Spring annotations of their own. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    ApplicationStore applicationStore(JdbcClient jdbc, Protection protection) {
        return new ApplicationStore(jdbc, protection);
    }

    /** Loaded at start-up so a broken rules file stops the application instead of failing the first check. */
    @Bean
    CompletenessCheck completenessCheck() {
        return new CompletenessCheck(CompletenessRules.load());
    }
}
