package org.lodestone.licensing.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications ({@code lodestone.notification.*}). SMTP itself is Spring Boot's {@code spring.mail.*}; no
 * {@code spring.mail.host} means in-app notifications only.
 *
 * @param from the From address of e-mails
 * @param mail delivery of the e-mail outbox
 */
@ConfigurationProperties("lodestone.notification")
record NotificationProperties(
        @DefaultValue("lodestone@localhost") String from,
        @DefaultValue Mail mail) {

    /**
     * @param maxAttempts attempts per mail before it is marked FAILED
     * @param retryBackoff wait after the first failed attempt; doubles with every further failure
     * @param maxBackoff the longest wait between two attempts
     * @param pollInterval how often the outbox is scanned for due mail (mail is also sent right after each commit)
     * @param lease how long a sender owns a mail it took; after that, a crashed sender's mail is sent again
     * @param batchSize mails taken per scan
     */
    record Mail(
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("30s") Duration retryBackoff,
            @DefaultValue("30m") Duration maxBackoff,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("50") int batchSize) {}
}
