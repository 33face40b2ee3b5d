package org.lodestone.licensing.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.notification.store.MailOutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Delivers the e-mail outbox: woken after each commit that queued mail, and on a fixed delay for retries and for mail
 * left over by a crash or a restart. Sends on one background thread; a failed attempt is retried with exponential
 * backoff up to {@code max-attempts}, then marked FAILED. Logs name the mail id and the error class, never addresses or
 * credentials. Without {@code spring.mail.host} there is no sender and this does nothing.
 */
class MailOutbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final MailOutboxStore store;
    private final @Nullable JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final Clock clock;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();

    MailOutbox(
            MailOutboxStore store,
            @Nullable JavaMailSender mailSender,
            NotificationProperties properties,
            Clock clock) {
        this.store = store;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("notification-mail").daemon(true).factory());
        if (mailSender == null) {
            log.info("E-mail notifications are off (spring.mail.host is not set): notifications are in-app only");
        } else {
            log.info("E-mail notifications are on, from {}", properties.from());
        }
    }

    boolean enabled() {
        return mailSender != null;
    }

    /** Asks the worker to send what is due; cheap and safe to call from any thread, many times. */
    void wake() {
        if (mailSender == null || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // shutting down: the next start sends it
        }
    }

    @Scheduled(
            fixedDelayString = "${lodestone.notification.mail.poll-interval:30s}",
            initialDelayString = "${lodestone.notification.mail.poll-interval:30s}")
    void poll() {
        wake();
    }

    /** Sends every due mail; returns how many were sent. Runs on the worker thread (tests may call it directly). */
    int drain() {
        if (mailSender == null) {
            return 0;
        }
        int sent = 0;
        try {
            List<UUID> due;
            while (!(due = store.due(clock.instant(), properties.mail().batchSize())).isEmpty()) {
                for (UUID id : due) {
                    Instant now = clock.instant();
                    var claimed =
                            store.claim(id, now, now.plus(properties.mail().lease()));
                    if (claimed.isPresent() && send(claimed.get(), mailSender)) {
                        sent++;
                    }
                }
            }
        } catch (RuntimeException e) {
            // The database may be unavailable; the next poll tries again.
            log.warn("Mail outbox scan failed: {}", e.getClass().getName());
        }
        return sent;
    }

    private boolean send(MailOutboxStore.Mail mail, JavaMailSender sender) {
        try {
            MimeMessage message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.toAddress());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            sender.send(message);
            store.markSent(mail.id(), clock.instant());
            return true;
        } catch (MailParseException | MailPreparationException | MessagingException e) {
            // The message itself is unsendable (e.g. an address the server will never accept): retrying cannot help.
            log.warn(
                    "Mail {} cannot be sent and is given up: {}",
                    mail.id(),
                    e.getClass().getName());
            store.markFailed(mail.id(), describe(e));
            return false;
        } catch (RuntimeException e) {
            if (mail.attempts() >= properties.mail().maxAttempts()) {
                log.warn(
                        "Mail {} failed {} times and is given up: {}",
                        mail.id(),
                        mail.attempts(),
                        e.getClass().getName());
                store.markFailed(mail.id(), describe(e));
            } else {
                Duration wait = backoff(mail.attempts());
                log.info(
                        "Mail {} attempt {} failed ({}); next attempt in {}",
                        mail.id(),
                        mail.attempts(),
                        e.getClass().getName(),
                        wait);
                store.retryLater(mail.id(), clock.instant().plus(wait), describe(e));
            }
            return false;
        }
    }

    /** Wait after the n-th failed attempt: backoff, 2×backoff, 4×backoff, … capped at max-backoff. */
    Duration backoff(int attempts) {
        Duration base = properties.mail().retryBackoff();
        Duration max = properties.mail().maxBackoff();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /**
     * The error for the outbox row and the log: the exception class and the SMTP client's message, which names host
     * and port but never credentials (JavaMail does not echo the password); cut short to fit the column.
     */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\r\\n]+", " ");
        String text = e.getClass().getSimpleName() + ": " + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
