package org.lodestone.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import javax.sql.DataSource;
import org.lodestone.audit.AuditTrail;
import org.lodestone.screening.lists.store.ListStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Wires lists and releases. At start-up, releases left LOADING by a stopped process are marked FAILED; in demo mode
 * ({@code lodestone.demo}) a small, fictional national list ({@code cn-uel-demo}) is imported if it has no release.
 */
@Configuration(proxyBeanMethods = false)
class ListsConfiguration {

    static final String DEMO_LIST = "cn-uel-demo";
    private static final Logger log = LoggerFactory.getLogger(ListsConfiguration.class);

    @Bean
    ListStore listStore(DataSource dataSource) {
        return new ListStore(dataSource);
    }

    @Bean
    ListReleases listReleases(
            ListStore store,
            TransactionTemplate transactions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<Clock> clock,
            @Value("${lodestone.screening.lists.keep-releases:10}") int keepReleases,
            @Value("${lodestone.screening.lists.max-size:2GB}") DataSize maxSize) {
        return new ListReleases(
                store,
                transactions,
                audit,
                events,
                clock.getIfAvailable(Clock::systemUTC),
                keepReleases,
                maxSize.toBytes());
    }

    @Bean
    ApplicationRunner listsStartup(
            ListReleases releases, ListStore store, @Value("${lodestone.demo:true}") boolean demo) {
        return (ApplicationArguments args) -> {
            int interrupted = releases.failInterrupted();
            if (interrupted > 0) {
                log.warn("{} list import(s) were interrupted by a stop and are marked FAILED", interrupted);
            }
            if (demo && store.releases(DEMO_LIST).isEmpty()) {
                try (InputStream in = new ClassPathResource("screening/demo/cn-uel-demo.csv").getInputStream()) {
                    releases.importRelease(
                            new ListReleases.Upload(
                                    DEMO_LIST,
                                    ListFormat.LODESTONE_CSV.code(),
                                    "cn-uel-demo.csv",
                                    "Unreliable Entity List (DEMO, fictional entries)",
                                    "Demo authority (fictional)",
                                    "NATIONAL"),
                            in,
                            "system");
                } catch (IOException | RuntimeException e) {
                    log.warn("could not load the demo list {}", DEMO_LIST, e);
                }
            }
        };
    }
}
