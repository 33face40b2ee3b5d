package org.lodestone.licensing.notification.ui;

import org.lodestone.identity.Identity;
import org.lodestone.licensing.notification.Notifications;
import org.springframework.stereotype.Component;

/**
 * The unread count for the bell in the page layout, asked by the template itself ({@code ${@notificationBell.unread()}})
 * so it costs one indexed count only on pages that show the bell, not on every API call.
 */
@Component("notificationBell")
public class NotificationBell {

    private final Notifications notifications;
    private final Identity identity;

    NotificationBell(Notifications notifications, Identity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    /** Unread notifications of the current user; 0 when nobody is logged in. */
    public int unread() {
        return identity.currentUser()
                .map(u -> notifications.unreadCount(u.id()))
                .orElse(0);
    }
}
