package org.lodestone.licensing.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lodestone.identity.UserContact;
import org.lodestone.identity.UserId;

/**
 * Notices and mail text (#3): links are local paths only (no open redirect from "open notification"), subjects are one
 * line (no header injection), the mail carries greeting, subject and absolute link but never the body, and retries back
 * off exponentially up to the cap.
 */
class NoticeUnitTests {

    static Notice notice(String subject, String link) {
        return new Notice(List.of(), Category.DECISION, subject, "secret body", link, "APPLICATION", "1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/x",
                "//evil.example/x",
                "applications/1",
                "/\\evil.example",
                "/a\nLocation: x",
                "javascript:alert(1)"
            })
    void refusesLinksThatAreNotLocalPaths(String link) {
        assertThatThrownBy(() -> notice("s", link)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subjectsAreOneLineAndBounded() {
        assertThat(notice("Application X:\r\nBcc: all@example.org", "/applications/1")
                        .subject())
                .isEqualTo("Application X: Bcc: all@example.org");
        assertThat(notice("x".repeat(400), "/a").subject()).hasSize(300).endsWith("…");
        assertThatThrownBy(() -> notice(" \n ", "/a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mailTextHasGreetingSubjectAndAbsoluteLinkButNotTheBody() {
        var contact = new UserContact(new UserId(UUID.randomUUID()), "ada", "Ada\r\nBcc: x", "ada@example.org");

        String text = new MailText("https://lodestone.example.org/")
                .body(contact, notice("Application X: decided", "/applications/1"));

        assertThat(text)
                .startsWith("Hello Ada Bcc: x,\n\nApplication X: decided.\n\n")
                .contains("https://lodestone.example.org/applications/1\n")
                .doesNotContain("secret body");
    }

    @ParameterizedTest
    @CsvSource({
        "ada@example.org, true",
        "not an address, false",
        "a@b@c, false",
        "'<x>@example.org', false",
        "@example.org, false"
    })
    void onlyPlausibleAddressesAreMailed(String address, boolean plausible) {
        assertThat(MailText.plausibleAddress(address)).isEqualTo(plausible);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        var properties = new NotificationProperties(
                "x@localhost",
                new NotificationProperties.Mail(
                        10,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        50));
        var outbox = new MailOutbox(null, null, properties, java.time.Clock.systemUTC());
        try {
            assertThat(List.of(1, 2, 3, 4, 5, 6, 40).stream().map(outbox::backoff))
                    .containsExactly(
                            Duration.ofSeconds(30),
                            Duration.ofMinutes(1),
                            Duration.ofMinutes(2),
                            Duration.ofMinutes(4),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(5),
                            Duration.ofMinutes(5));
            assertThat(outbox.enabled()).isFalse();
            assertThat(outbox.drain()).isZero();
        } finally {
            outbox.destroy();
        }
    }
}
