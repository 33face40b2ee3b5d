package org.lodestone.licensing.notification;

import java.util.ArrayList;
import java.util.List;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.ApplicationWithdrawn;
import org.lodestone.licensing.LicenceIssued;
import org.springframework.context.event.EventListener;

/**
 * Turns licensing events into notices. Listeners run synchronously in the publishing transaction, so the inbox rows and
 * queued mails commit or roll back with the business change; e-mail goes out only after commit (see {@link
 * Notifications}). Adding an event is one method here: recipients, category, subject, body, link.
 */
class LicensingNotices {

    static final String APPLICATION = "APPLICATION";
    static final String LICENCE = "LICENCE";

    private final Notifications notifications;

    LicensingNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ApplicationSubmitted event) {
        var to = List.of(
                Recipient.toRole(event.applicant(), Role.APPLICANT),
                Recipient.toRole(event.competentAuthority(), Role.REVIEWER));
        notifications.notify(Notice.about(
                Category.APPLICATION_SUBMITTED,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": submitted",
                "Application " + event.reference() + " was submitted for review.",
                applicationLink(event.application().toString()),
                to));
    }

    @EventListener
    void on(ApplicationWithdrawn event) {
        var to = new ArrayList<Recipient>();
        to.add(Recipient.toRole(event.applicant(), Role.APPLICANT));
        if (event.competentAuthority() != null) {
            to.add(Recipient.toRole(event.competentAuthority(), Role.REVIEWER));
        }
        notifications.notify(Notice.about(
                Category.APPLICATION_WITHDRAWN,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": withdrawn",
                "Application " + event.reference() + " was withdrawn by the applicant.",
                applicationLink(event.application().toString()),
                to));
    }

    @EventListener
    void on(LicenceIssued event) {
        String number = event.number().value();
        notifications.notify(Notice.about(
                Category.LICENCE_ISSUED,
                LICENCE,
                number,
                "Licence " + number + ": issued",
                "Licence " + number + " was issued on your application. The certificate (PDF) can be"
                        + " downloaded from the licence page.",
                "/licences/" + number,
                List.of(Recipient.toRole(event.holder(), Role.APPLICANT))));
    }

    private static String applicationLink(String id) {
        return "/applications/" + id;
    }
}
