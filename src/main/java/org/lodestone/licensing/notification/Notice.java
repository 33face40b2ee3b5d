package org.lodestone.licensing.notification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notice to one or more recipients.
 *
 * <p>The {@code subject} goes into the e-mail and must not carry confidential detail (e.g. {@code "Application
 * LA-2026-000042: information requested"}); the {@code body} is shown in-app only, behind the login, and never mailed.
 * {@code link} is an application path ({@code /applications/{id}}) that e-mails turn into an absolute URL; it must be a
 * local path, so a notification can never redirect off-site.
 */
public record Notice(
        List<Recipient> recipients,
        Category category,
        String subject,
        String body,
        @Nullable String link,
        @Nullable String objectType,
        @Nullable String objectId) {

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 4000;
    static final int MAX_LINK = 500;

    public Notice {
        recipients = List.copyOf(recipients);
        subject = oneLine(subject).strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
        }
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY - 1) + "…";
        }
        if (link != null && !isLocalPath(link)) {
            throw new IllegalArgumentException("link must be a local path such as /applications/{id}: " + link);
        }
    }

    /** A notice about an object (type in UPPER_SNAKE as in the audit trail, e.g. APPLICATION). */
    public static Notice about(
            Category category,
            String objectType,
            String objectId,
            String subject,
            String body,
            String link,
            List<Recipient> recipients) {
        return new Notice(recipients, category, subject, body, link, objectType, objectId);
    }

    static boolean isLocalPath(String link) {
        return link.length() <= MAX_LINK
                && link.startsWith("/")
                && !link.startsWith("//")
                && !link.contains("\\")
                && link.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\x00-\\x1f\\x7f]+", " ");
    }
}
