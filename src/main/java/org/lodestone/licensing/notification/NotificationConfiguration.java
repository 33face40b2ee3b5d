package org.lodestone.licensing.notification;

import java.time.Clock;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.notification.store.MailOutboxStore;
import org.lodestone.licensing.notification.store.NotificationStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires notifications. The mail sender exists only when Spring Boot configured one ({@code spring.mail.host}); links in
 * e-mails are made absolute with {@code lodestone.public-base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {

    @Bean
    NotificationStore notificationStore(JdbcClient sql) {
        return new NotificationStore(sql);
    }

    @Bean
    MailOutboxStore mailOutboxStore(JdbcClient sql) {
        return new MailOutboxStore(sql);
    }

    @Bean
    MailOutbox mailOutbox(
            MailOutboxStore store, ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        return new MailOutbox(store, mailSender.getIfAvailable(), properties, Clock.systemUTC());
    }

    @Bean
    Notifications notifications(
            NotificationStore inbox,
            MailOutboxStore outbox,
            MailOutbox sender,
            Identity identity,
            @Value("${lodestone.public-base-url:http://localhost:${server.port:8080}}") String publicBaseUrl) {
        return new Notifications(inbox, outbox, sender, identity, new MailText(publicBaseUrl), Clock.systemUTC());
    }

    @Bean
    LicensingNotices licensingNotices(Notifications notifications, Identity identity) {
        return new LicensingNotices(notifications, identity);
    }
}
