package org.lodestone.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Metrics and start-up messages for operators: every meter carries {@code application=lodestone}, so one Prometheus
 * can scrape several instances and services apart; demo mode is announced in the log as loudly as on the pages.
 */
@Configuration(proxyBeanMethods = false)
class Operability {

    private static final Logger log = LoggerFactory.getLogger(Operability.class);

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag() {
        return registry -> registry.config().commonTags("application", "lodestone");
    }

    @Bean
    DemoAnnouncement demoAnnouncement(@Value("${lodestone.demo:true}") boolean demo) {
        return new DemoAnnouncement(demo);
    }

    record DemoAnnouncement(boolean demo) {

        @EventListener(ApplicationReadyEvent.class)
        void announce() {
            if (demo) {
                log.warn("DEMO MODE: sample organisations and users with password 'demo'; not for real cases. "
                        + "Run with the 'prod' profile for production.");
            }
        }
    }
}
