package org.lodestone.licensing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.notification.store.MailOutboxStore;
import org.lodestone.licensing.notification.store.NotificationStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail delivery through a real SMTP server (GreenMail, in-process, on a free port) (#3): mail leaves only after
 * commit, as plain text with the subject and an absolute link but never the in-app body; while SMTP is down the
 * business transaction still commits at once, the mail stays PENDING with its error and attempts, and it is sent once
 * the server is back; a PENDING row left behind by a crash is picked up by the scheduled scan. The one extra Spring
 * context of the notification tests.
 */
@SpringBootTest(
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "lodestone.notification.from=noreply@lodestone.example.org",
            "lodestone.notification.mail.poll-interval=200ms",
            "lodestone.notification.mail.retry-backoff=200ms",
            "lodestone.notification.mail.max-backoff=1s",
            "lodestone.notification.mail.lease=10s",
            "lodestone.public-base-url=https://lodestone.example.org/"
        })
class MailDeliveryTests {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Notifications notifications;

    @Autowired
    MailOutboxStore outbox;

    @Autowired
    NotificationStore inbox;

    @Autowired
    Identity identity;

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    OrganisationId organisation(OrganisationKind kind, String name) {
        return identity.organisations(kind).stream()
                .filter(o -> o.name().equals(name))
                .map(OrganisationProfile::id)
                .findFirst()
                .orElseThrow();
    }

    List<MimeMessage> received(String subject) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return subject.equals(m.getSubject());
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    static String reference() {
        return "LA-MAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void mailLeavesAfterCommitWithSubjectAndLinkButNoDetail() throws Exception {
        String ref = reference();
        String subject = "Application " + ref + ": submitted";
        var id = new ApplicationId(UUID.randomUUID());
        OrganisationId exporter = organisation(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd.");
        OrganisationId authority =
                organisation(OrganisationKind.AUTHORITY, "Jiangxi Provincial Department of Commerce");

        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new ApplicationSubmitted(id, ref, exporter, authority, 1, java.time.Instant.now()));
            notifications.notify(Notice.about(
                    Category.INFORMATION_REQUESTED,
                    "APPLICATION",
                    id.toString(),
                    "Application " + ref + ": information requested",
                    "CONFIDENTIAL: end-user certificate of Acme Defence Ltd is missing",
                    "/applications/" + id,
                    List.of(Recipient.toRole(exporter, Role.APPLICANT))));
            // Give the sender every chance to misbehave: nothing may leave before the commit.
            sleep(Duration.ofMillis(700));
            assertThat(received(subject)).as("sent before commit").isEmpty();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> received(subject).size() == 2);
        List<MimeMessage> mails = received(subject);
        assertThat(mails)
                .flatExtracting(m -> Arrays.asList(m.getRecipients(Message.RecipientType.TO)))
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactlyInAnyOrder("applicant@demo.invalid", "reviewer@demo.invalid");
        MimeMessage mail = mails.getFirst();
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@lodestone.example.org");
        assertThat(mail.getContentType()).startsWith("text/plain");
        String body = GreenMailUtil.getBody(mail).replace("\r\n", "\n");
        assertThat(body)
                .contains(subject + ".")
                .contains("https://lodestone.example.org/applications/" + id + "\n")
                .contains("sign-in required");

        String askedSubject = "Application " + ref + ": information requested";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> received(askedSubject).size() == 1);
        String asked = GreenMailUtil.getBody(received(askedSubject).getFirst());
        assertThat(asked).doesNotContain("CONFIDENTIAL").doesNotContain("Acme");
    }

    @Test
    void whileSmtpIsDownTheTransactionCommitsAndTheMailWaitsThenGoesOut() throws Exception {
        OrganisationId exporter = organisation(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd.");
        String subject = "Application " + reference() + ": decision";
        UUID notification;
        smtp.stop();
        try {
            long start = System.nanoTime();
            List<NotificationId> ids = transactions.execute(tx -> notifications.notify(Notice.about(
                    Category.DECISION,
                    "APPLICATION",
                    "x",
                    subject,
                    "Decided.",
                    "/applications/x",
                    List.of(Recipient.toRole(exporter, Role.APPLICANT)))));
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("commit not held up by SMTP")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(ids).hasSize(1);
            assertThat(inbox.find(applicantId(), ids.getFirst().value()))
                    .as("in-app notification committed")
                    .isPresent();
            notification = ids.getFirst().value();

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> outbox.ofNotification(notification).getFirst().attempts() >= 2);
            MailOutboxStore.Mail waiting = outbox.ofNotification(notification).getFirst();
            assertThat(waiting.status()).isEqualTo(MailOutboxStore.PENDING);
            assertThat(waiting.lastError()).isNotBlank().doesNotContain("password");
            assertThat(received(subject)).isEmpty();
        } finally {
            smtp.start();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> received(subject).size() == 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() ->
                        outbox.ofNotification(notification).getFirst().status().equals(MailOutboxStore.SENT));
    }

    @Test
    void mailLeftPendingByACrashIsSentByTheScheduledScan() {
        String subject = "Application " + reference() + ": submitted";
        OrganisationId exporter = organisation(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd.");
        UUID recipient =
                identity.members(exporter, Role.APPLICANT).getFirst().id().value();
        UUID notification = UUID.randomUUID();
        // What a crash right after commit leaves behind: the rows, but no wake-up of the sender.
        inbox.insert(new NotificationStore.Row(
                notification,
                recipient,
                "APPLICATION_SUBMITTED",
                subject,
                "b",
                null,
                null,
                null,
                java.time.Instant.now(),
                null));
        UUID mail = UUID.randomUUID();
        outbox.enqueue(mail, notification, "applicant@demo.invalid", subject, "Hello", java.time.Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> received(subject).size() == 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> outbox.find(mail).orElseThrow().status().equals(MailOutboxStore.SENT));
        assertThat(outbox.find(mail).orElseThrow().sentAt()).isNotNull();
    }

    private UUID applicantId() {
        OrganisationId exporter = organisation(OrganisationKind.EXPORTER, "Demo Magnetics Co., Ltd.");
        return identity.members(exporter, Role.APPLICANT).getFirst().id().value();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
