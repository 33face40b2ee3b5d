package org.lodestone.licensing.invitation.ui;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.invitation.Invitation;
import org.lodestone.licensing.invitation.InvitationState;
import org.lodestone.licensing.invitation.Invitations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The "Invite the consignee / end user" panel of the application page, computed by the fragment itself
 * ({@code ${@invitationPanel.view(app)}}): the invitations with their state, the form while the applicant may invite,
 * revoke buttons for pending ones.
 */
@Component("invitationPanel")
public class InvitationPanel {

    private final Invitations invitations;
    private final Identity identity;

    InvitationPanel(Invitations invitations, Identity identity) {
        this.invitations = invitations;
        this.identity = identity;
    }

    public View view(Application app) {
        CurrentUser user =
                identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        Instant now = Instant.now();
        List<Party> invitable = app.content().parties().stream()
                .filter(p -> p.role() == PartyRole.CONSIGNEE || p.role() == PartyRole.END_USER)
                .toList();
        List<Row> rows = invitations.list(app.id(), user).stream()
                .map(i -> new Row(i, i.state(now), partyName(app, i.partyId())))
                .toList();
        return new View(
                app.id(),
                rows,
                invitable,
                invitations.mayInvite(app.id(), user),
                invitations.mayRevoke(app.id(), user));
    }

    private static String partyName(Application app, UUID party) {
        return app.content().parties().stream()
                .filter(p -> p.id().equals(party))
                .map(p -> p.nameLatin() + " (" + p.role() + ")")
                .findFirst()
                .orElse(party.toString());
    }

    public record View(
            ApplicationId applicationId,
            List<Row> invitations,
            List<Party> parties,
            boolean mayInvite,
            boolean mayRevoke) {}

    public record Row(Invitation invitation, InvitationState state, String party) {}
}
