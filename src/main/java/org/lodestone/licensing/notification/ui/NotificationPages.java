package org.lodestone.licensing.notification.ui;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.notification.Notification;
import org.lodestone.licensing.notification.NotificationId;
import org.lodestone.licensing.notification.Notifications;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notifications page: the caller's own notifications, newest first, with "mark read", "mark all read" and
 * "open" (marks read, then goes to the object). Plain links and forms (post/redirect/get); htmx only refreshes the bell.
 * Guarded by {@code NotificationTests}.
 */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 100;

    private final Notifications notifications;
    private final Identity identity;

    NotificationPages(Notifications notifications, Identity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        CurrentUser user = user();
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("unreadCount", notifications.unreadCount(user.id()));
        model.addAttribute("notifications", notifications.inbox(user.id(), unread, PAGE_SIZE));
        return "licensing/notification/notifications";
    }

    /** The bell alone, for htmx to refresh the count in the layout. */
    @GetMapping("/notifications/bell")
    String bell(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        return "licensing/notification/bell :: bell";
    }

    /** Marks the notification read and follows its link (a local path by construction), or returns to the list. */
    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        CurrentUser user = user();
        Notification n = notifications.get(user.id(), new NotificationId(id));
        notifications.markRead(user.id(), n.id());
        return "redirect:" + (n.link() == null ? "/notifications" : n.link());
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean unread) {
        notifications.markRead(user().id(), new NotificationId(id));
        return back(unread);
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead(user().id());
        return "redirect:/notifications";
    }

    private static String back(boolean unread) {
        return unread ? "redirect:/notifications?unread=true" : "redirect:/notifications";
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
