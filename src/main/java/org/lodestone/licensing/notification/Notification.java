package org.lodestone.licensing.notification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notification in a user's inbox. {@code link} is an application path such as {@code /applications/{id}}. */
public record Notification(
        NotificationId id,
        Category category,
        String subject,
        String body,
        @Nullable String link,
        @Nullable String objectType,
        @Nullable String objectId,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
