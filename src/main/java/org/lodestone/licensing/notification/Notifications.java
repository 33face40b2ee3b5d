package org.lodestone.licensing.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.notification.store.MailOutboxStore;
import org.lodestone.licensing.notification.store.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends notices and serves each user's inbox. {@link #notify} writes the in-app rows and queues the e-mails in the
 * caller's transaction (so a rolled-back business change notifies nobody) and wakes the mail sender only after commit;
 * sending happens on another thread, so SMTP can be slow or down without touching the caller. Read markers are not
 * audited: they are a user's own reading state, not a business change. Guarded by {@code NotificationTests} and
 * {@code MailDeliveryTests}.
 */
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationStore inbox;
    private final MailOutboxStore outbox;
    private final MailOutbox sender;
    private final Identity identity;
    private final MailText mailText;
    private final Clock clock;

    Notifications(
            NotificationStore inbox,
            MailOutboxStore outbox,
            MailOutbox sender,
            Identity identity,
            MailText mailText,
            Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.sender = sender;
        this.identity = identity;
        this.mailText = mailText;
        this.clock = clock;
    }

    /**
     * Notifies every resolved recipient once (a user reached through several recipients gets one notification). Call it
     * inside the business transaction. Returns the ids of the in-app notifications created.
     */
    public List<NotificationId> notify(Notice notice) {
        Instant now = clock.instant();
        boolean mail = sender.enabled();
        var ids = new ArrayList<NotificationId>();
        int mails = 0;
        for (UserContact contact : resolve(notice)) {
            UUID id = UUID.randomUUID();
            inbox.insert(new NotificationStore.Row(
                    id,
                    contact.id().value(),
                    notice.category().name(),
                    notice.subject(),
                    notice.body(),
                    notice.link(),
                    notice.objectType(),
                    notice.objectId(),
                    now,
                    null));
            ids.add(new NotificationId(id));
            String address = contact.email();
            if (mail && address != null && MailText.plausibleAddress(address)) {
                outbox.enqueue(UUID.randomUUID(), id, address, notice.subject(), mailText.body(contact, notice), now);
                mails++;
            }
        }
        if (mails > 0) {
            wakeSenderAfterCommit();
        }
        return ids;
    }

    /** The user's notifications, newest first; at most {@code limit} (1–200). */
    public List<Notification> inbox(UserId user, boolean unreadOnly, int limit) {
        return inbox.list(user.value(), unreadOnly, Math.clamp(limit, 1, 200)).stream()
                .map(Notifications::notification)
                .toList();
    }

    public int unreadCount(UserId user) {
        return inbox.unreadCount(user.value());
    }

    /** One of the user's own notifications; someone else's is reported as not found. */
    public Notification get(UserId user, NotificationId id) {
        return inbox.find(user.value(), id.value())
                .map(Notifications::notification)
                .orElseThrow(() -> new NotificationNotFound(id));
    }

    /** Marks one of the user's own notifications read (idempotent); someone else's is reported as not found. */
    public void markRead(UserId user, NotificationId id) {
        if (!inbox.markRead(user.value(), id.value(), clock.instant())) {
            throw new NotificationNotFound(id);
        }
    }

    /** Marks all the user's notifications read; returns how many were unread. */
    public int markAllRead(UserId user) {
        return inbox.markAllRead(user.value(), clock.instant());
    }

    private List<UserContact> resolve(Notice notice) {
        Map<UserId, UserContact> contacts = new LinkedHashMap<>();
        for (Recipient r : notice.recipients()) {
            switch (r) {
                case Recipient.RoleIn(OrganisationId organisation, Role role) ->
                    identity.members(organisation, role).forEach(c -> contacts.putIfAbsent(c.id(), c));
                case Recipient.UserIn(OrganisationId organisation, UserId user) -> {
                    UserContact found = null;
                    for (Role role : Role.values()) {
                        for (UserContact c : identity.members(organisation, role)) {
                            if (c.id().equals(user)) {
                                found = c;
                            }
                        }
                        if (found != null) {
                            break;
                        }
                    }
                    if (found == null) {
                        // A disabled or moved user: nobody to tell, and not a reason to fail the business change.
                        log.warn(
                                "Notification {}: user {} is not an enabled member of {}",
                                notice.category(),
                                user,
                                organisation);
                    } else {
                        contacts.putIfAbsent(found.id(), found);
                    }
                }
                case Recipient.Contact(var contact) -> contacts.putIfAbsent(contact.id(), contact);
            }
        }
        return List.copyOf(contacts.values());
    }

    private void wakeSenderAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        } else {
            sender.wake();
        }
    }

    private static Notification notification(NotificationStore.Row row) {
        return new Notification(
                new NotificationId(row.id()),
                Category.valueOf(row.category()),
                row.subject(),
                row.body(),
                row.link(),
                row.objectType(),
                row.objectId(),
                row.createdAt(),
                row.readAt());
    }
}
