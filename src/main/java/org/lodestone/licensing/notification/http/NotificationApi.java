package org.lodestone.licensing.notification.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.notification.Notification;
import org.lodestone.licensing.notification.NotificationId;
import org.lodestone.licensing.notification.Notifications;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications. Every call is scoped by the authenticated user; another user's id answers 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app notifications of the calling user")
class NotificationApi {

    private final Notifications notifications;
    private final Identity identity;

    NotificationApi(Notifications notifications, Identity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    record Item(
            String id,
            String category,
            String subject,
            String body,
            @Nullable String link,
            @Nullable String objectType,
            @Nullable String objectId,
            Instant createdAt,
            @Nullable Instant readAt) {

        static Item of(Notification n) {
            return new Item(
                    n.id().toString(),
                    n.category().name(),
                    n.subject(),
                    n.body(),
                    n.link(),
                    n.objectType(),
                    n.objectId(),
                    n.createdAt(),
                    n.readAt());
        }
    }

    record Inbox(int unread, List<Item> items) {}

    record Marked(int marked) {}

    @GetMapping
    @Operation(summary = "List own notifications, newest first (unread=true: unread only; limit 1-200, default 50)")
    Inbox list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit) {
        CurrentUser user = user();
        return new Inbox(
                notifications.unreadCount(user.id()),
                notifications.inbox(user.id(), unread, limit).stream()
                        .map(Item::of)
                        .toList());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one own notification read (idempotent); 404 for unknown or someone else's")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        notifications.markRead(user().id(), new NotificationId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all own notifications read; answers how many were unread")
    Marked readAll() {
        return new Marked(notifications.markAllRead(user().id()));
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
