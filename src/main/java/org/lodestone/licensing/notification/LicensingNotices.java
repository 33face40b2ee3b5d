package org.lodestone.licensing.notification;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationDecided;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.ApplicationWithdrawn;
import org.lodestone.licensing.ApprovalProposed;
import org.lodestone.licensing.CaseAssigned;
import org.lodestone.licensing.ConsultationRequested;
import org.lodestone.licensing.InformationProvided;
import org.lodestone.licensing.InformationRequested;
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
    private final Identity identity;

    LicensingNotices(Notifications notifications, Identity identity) {
        this.notifications = notifications;
        this.identity = identity;
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

    @EventListener
    void on(InformationRequested event) {
        notifications.notify(Notice.about(
                Category.INFORMATION_REQUESTED,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": information requested",
                "The reviewing authority asks for " + event.itemCount() + " more piece"
                        + (event.itemCount() == 1 ? "" : "s") + " of information on application " + event.reference()
                        + ", due " + event.dueOn() + ". The statutory clock is stopped until you answer.",
                applicationLink(event.application().toString()),
                List.of(Recipient.toRole(event.applicant(), Role.APPLICANT))));
    }

    @EventListener
    void on(InformationProvided event) {
        notifications.notify(Notice.about(
                Category.INFORMATION_PROVIDED,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": information provided",
                "The applicant answered the information request on " + event.reference() + " (revision "
                        + event.revision() + "). The statutory clock runs again.",
                applicationLink(event.application().toString()),
                reviewerOrAll(event.authority(), event.assignee())));
    }

    @EventListener
    void on(CaseAssigned event) {
        if (event.assignee() == null || event.assignee().equals(event.assignedBy())) {
            return;
        }
        notifications.notify(Notice.about(
                Category.CASE_ASSIGNED,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": assigned to you",
                "Case " + event.reference() + " was assigned to you by " + event.assignedBy() + ".",
                applicationLink(event.application().toString()),
                reviewerOrAll(event.authority(), event.assignee())));
    }

    @EventListener
    void on(ConsultationRequested event) {
        notifications.notify(Notice.about(
                Category.CONSULTATION_REQUESTED,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": your advice is asked",
                "Another authority consults you on application " + event.reference() + ", answer due " + event.dueOn()
                        + ".",
                applicationLink(event.application().toString()),
                List.of(
                        Recipient.toRole(event.consulted(), Role.REVIEWER),
                        Recipient.toRole(event.consulted(), Role.SUPERVISOR),
                        Recipient.toRole(event.consulted(), Role.ENFORCEMENT))));
    }

    @EventListener
    void on(ApprovalProposed event) {
        notifications.notify(Notice.about(
                Category.DECISION,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": approval proposed, countersignature needed",
                event.proposedBy() + " proposes to approve application " + event.reference()
                        + ". A SUPERVISOR other than the proposer must countersign or return it.",
                applicationLink(event.application().toString()),
                List.of(Recipient.toRole(event.authority(), Role.SUPERVISOR))));
    }

    @EventListener
    void on(ApplicationDecided event) {
        boolean approved = event.outcome() == ApplicationDecided.Outcome.APPROVED;
        String body = approved
                ? "Application " + event.reference() + " was approved; licence " + event.licence() + " was issued."
                : "Application " + event.reference() + " was refused (" + event.reasonCode() + "): "
                        + event.reasonText();
        notifications.notify(Notice.about(
                Category.DECISION,
                APPLICATION,
                event.application().toString(),
                "Application " + event.reference() + ": " + (approved ? "approved" : "refused"),
                body,
                applicationLink(event.application().toString()),
                List.of(
                        Recipient.toRole(event.applicant(), Role.APPLICANT),
                        Recipient.toRole(event.authority(), Role.REVIEWER))));
    }

    /** The assigned reviewer if there is one (and still a reviewer there), else every reviewer of the authority. */
    private List<Recipient> reviewerOrAll(OrganisationId authority, @Nullable String assignee) {
        if (assignee != null) {
            var member = identity.members(authority, Role.REVIEWER).stream()
                    .filter(m -> m.username().equals(assignee))
                    .findFirst();
            if (member.isPresent()) {
                return List.of(Recipient.to(member.get()));
            }
        }
        return List.of(Recipient.toRole(authority, Role.REVIEWER));
    }

    private static String applicationLink(String id) {
        return "/applications/" + id;
    }
}
