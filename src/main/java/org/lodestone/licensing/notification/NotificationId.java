package org.lodestone.licensing.notification;

import java.util.UUID;

/** Identity of one in-app notification (one recipient). */
public record NotificationId(UUID value) {

    public static NotificationId of(String raw) {
        return new NotificationId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
