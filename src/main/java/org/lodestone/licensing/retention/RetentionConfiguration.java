package org.lodestone.licensing.retention;

import java.time.Clock;
import org.lodestone.audit.AuditTrail;
import org.lodestone.licensing.retention.store.RetentionStore;
import org.lodestone.protection.Protection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires retention and its daily run ({@code lodestone.retention.schedule}, a cron). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RetentionConfiguration.class);

    @Bean
    RetentionStore retentionStore(JdbcClient jdbc) {
        return new RetentionStore(jdbc);
    }

    @Bean
    Retention retention(
            RetentionStore store,
            Protection protection,
            AuditTrail audit,
            TransactionTemplate transactions,
            RetentionProperties properties,
            ObjectProvider<Clock> clock) {
        return new Retention(store, protection, audit, transactions, properties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    RetentionSchedule retentionSchedule(Retention retention) {
        return new RetentionSchedule(retention);
    }

    /** The scheduled run; without a signed-in user the audit trail records the system as actor. */
    static class RetentionSchedule {

        private final Retention retention;

        RetentionSchedule(Retention retention) {
            this.retention = retention;
        }

        @Scheduled(cron = "${lodestone.retention.schedule:0 30 3 * * *}")
        void daily() {
            Retention.RunResult result = retention.run();
            log.info("Retention run: shredded {}, failed {}", result.shredded(), result.failed());
        }
    }
}
