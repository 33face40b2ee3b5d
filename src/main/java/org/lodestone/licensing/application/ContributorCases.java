package org.lodestone.licensing.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.completeness.CompletenessCheck;
import org.lodestone.licensing.application.completeness.CompletenessRules;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.lodestone.licensing.evidence.DocumentType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The contributor's side of an application (#6): who is a contributor (a CONSIGNEE of a FOREIGN_PARTY organisation
 * with a row in {@link Contributors}), and the narrow view he gets. Kept apart from {@link Applications} so the
 * applicant's and the authority's need-to-know stay untouched: a contributor never passes
 * {@link ApplicationAccess#require}. Guarded by {@code InvitationAuthorizationMatrixTests}.
 */
@Component
public class ContributorCases implements ContributorAccess {

    private final ApplicationStore store;
    private final Contributors contributors;
    private final Applications applications;
    private final CompletenessCheck check;

    ContributorCases(
            ApplicationStore store,
            Contributors contributors,
            @Lazy Applications applications,
            CompletenessCheck check) {
        this.store = store;
        this.contributors = contributors;
        this.applications = applications;
        this.check = check;
    }

    @Override
    public Optional<Contribution> contribution(ApplicationId id, CurrentUser user) {
        if (!mayContribute(user)) {
            return Optional.empty();
        }
        Set<UUID> parties = contributors.parties(id, user.organisationId());
        if (parties.isEmpty()) {
            return Optional.empty();
        }
        return store.find(id)
                .map(app -> new Contribution(app.summary(), parties, app.state().editable()));
    }

    @Override
    public Contribution require(ApplicationId id, CurrentUser user, boolean attach) {
        Contribution contribution = contribution(id, user)
                .orElseThrow(() -> ApplicationProblem.notFound("No application " + id + " that you may see."));
        if (attach && !contribution.acceptsEvidence()) {
            throw ApplicationProblem.conflict("Application "
                    + contribution.application().reference() + " is "
                    + contribution.application().state() + " and does not accept evidence now: only a DRAFT, or an"
                    + " application whose information request is being answered (INFORMATION_REQUESTED).");
        }
        return contribution;
    }

    /** The applications the user's organisation contributes to, as it may see them. */
    public List<ContributedCase> cases(CurrentUser user) {
        if (!mayContribute(user)) {
            return List.of();
        }
        List<ContributedCase> cases = new ArrayList<>();
        for (ApplicationId id : contributors.applications(user.organisationId())) {
            view(id, user).ifPresent(cases::add);
        }
        return cases;
    }

    /** One application as its contributor sees it; 404 for anyone else. */
    public ContributedCase get(ApplicationId id, CurrentUser user) {
        return view(id, user)
                .orElseThrow(() -> ApplicationProblem.notFound("No application " + id + " that you may see."));
    }

    private Optional<ContributedCase> view(ApplicationId id, CurrentUser user) {
        if (!mayContribute(user)) {
            return Optional.empty();
        }
        Set<UUID> own = contributors.parties(id, user.organisationId());
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return store.find(id).map(app -> {
            List<ContributedCase.OwnParty> parties = app.content().parties().stream()
                    .filter(p -> own.contains(p.id()))
                    .map(p -> new ContributedCase.OwnParty(p.id(), p.role(), p.nameLatin(), p.country()))
                    .toList();
            return new ContributedCase(
                    app.id(),
                    app.reference(),
                    app.state(),
                    app.applicantName(),
                    parties,
                    app.state().isFinal() ? List.of() : missing(app, own),
                    app.state().editable());
        });
    }

    /**
     * Missing pieces the contributor can supply: those about its own parties, and application-wide ones a document
     * satisfies — named by code and document types only, never by the applicant's sentence (which may quote his data).
     */
    private List<ContributedCase.MissingEvidence> missing(Application app, Set<UUID> own) {
        List<ContributedCase.MissingEvidence> missing = new ArrayList<>();
        for (MissingPiece piece : applications.evaluate(app).missing()) {
            UUID party = null;
            if (piece.target().startsWith("parties/")) {
                party = UUID.fromString(piece.target().substring("parties/".length()));
                if (!own.contains(party)) {
                    continue;
                }
            } else if (!piece.target().equals("application")) {
                continue;
            }
            List<DocumentType> types = documentTypes(piece.code());
            if (!types.isEmpty()) {
                missing.add(new ContributedCase.MissingEvidence(piece.code(), types, party));
            }
        }
        return missing;
    }

    private List<DocumentType> documentTypes(String code) {
        Set<DocumentType> types = new LinkedHashSet<>();
        for (CompletenessRules.Rule rule : check.rules().rules()) {
            if (rule.code().equals(code)) {
                for (CompletenessRules.Alternative alternative : rule.anyOf()) {
                    if (alternative instanceof CompletenessRules.Evidence evidence) {
                        types.add(evidence.type());
                    }
                }
            }
        }
        return List.copyOf(types);
    }

    private static boolean mayContribute(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.FOREIGN_PARTY && user.has(Role.CONSIGNEE);
    }
}
