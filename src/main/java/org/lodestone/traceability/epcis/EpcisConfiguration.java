package org.lodestone.traceability.epcis;

import java.time.Clock;
import org.lodestone.audit.AuditTrail;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.epcis.store.EventStore;
import org.lodestone.traceability.epcis.store.JobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the EPCIS repository. The chain registry is optional ({@link ObjectProvider}): without it only the capturer
 * reads its events. Acknowledged capture jobs a crash left unfinished are resumed once the application is ready.
 */
@Configuration(proxyBeanMethods = false)
class EpcisConfiguration {

    @Bean
    EventStore eventStore(JdbcTemplate jdbc) {
        return new EventStore(jdbc);
    }

    @Bean
    JobStore captureJobStore(JdbcClient jdbc) {
        return new JobStore(jdbc);
    }

    @Bean
    Capturing capturing(
            EventStore store,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<Chain> chain,
            PlatformTransactionManager transactions,
            EpcisProperties properties,
            JsonMapper json) {
        return new Capturing(store, audit, events, chain, transactions, properties, Clock.systemUTC(), json);
    }

    @Bean
    CaptureJobs captureJobs(
            JobStore jobs,
            Capturing capturing,
            ObjectProvider<DocumentReading> reading,
            EpcisProperties properties,
            JsonMapper json) {
        return new CaptureJobs(jobs, capturing, reading, properties, Clock.systemUTC(), json);
    }

    @Bean
    EventQueries eventQueries(EventStore store, AuditTrail audit, EpcisProperties properties) {
        return new EventQueries(store, audit, properties);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeCaptureJobs(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(CaptureJobs.class).resume();
    }
}
