package org.lodestone.licensing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.controllist.ControlEntry;
import org.lodestone.controllist.ControlList;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.ApplicationWithdrawn;
import org.lodestone.licensing.application.completeness.CompletenessCheck;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Licence applications for the adapters and the rest of licensing: applicants create and edit drafts, check
 * completeness, submit (idempotently) and withdraw; the review workflow moves applications on through
 * {@link #transition} and its named shorthands. Every change is saved against the version it was read at, recorded as
 * a state change where the state moves, and audited in the same transaction. Need-to-know is decided here
 * ({@link ApplicationAccess}): what a user may not see is answered as not found.
 */
@Component
public class Applications implements ApplicationAccess {

    private static final Logger log = LoggerFactory.getLogger(Applications.class);
    private static final String OBJECT_TYPE = "APPLICATION";
    private static final int SUBMIT_ATTEMPTS = 5;

    private final ApplicationStore store;
    private final Identity identity;
    private final ControlList controlList;
    private final EvidenceCatalogue evidence;
    private final CompletenessCheck check;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<CaseSharing> sharing;
    private final List<SensitiveReads> reads;

    Applications(
            ApplicationStore store,
            Identity identity,
            ControlList controlList,
            EvidenceCatalogue evidence,
            CompletenessCheck check,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            List<CaseSharing> sharing,
            List<SensitiveReads> reads) {
        this.store = store;
        this.reads = List.copyOf(reads);
        this.sharing = List.copyOf(sharing);
        this.identity = identity;
        this.controlList = controlList;
        this.evidence = evidence;
        this.check = check;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = Clock.systemUTC();
    }

    // ---- reading
    // ------------------------------------------------------------------------------------------------------

    /** The application if the current user may read it; 404 otherwise. */
    public Application get(ApplicationId id) {
        CurrentUser user = user();
        Application app = store.find(id).orElseThrow(() -> notFound(id));
        if (!mayRead(app, user)) {
            throw notFound(id);
        }
        reads.forEach(r -> r.read(app.summary(), user)); // #6 access transparency
        return app;
    }

    public ApplicationPage list(int page, int size) {
        CurrentUser user = user();
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 100);
        ApplicationStore.Scope scope = scopeOf(user);
        if (scope == null) {
            return new ApplicationPage(List.of(), p, s, 0);
        }
        return new ApplicationPage(store.list(scope, p * s, s), p, s, store.count(scope));
    }

    @Override
    public ApplicationSummary require(ApplicationId id, CurrentUser user, Action action) {
        Application app = store.find(id).orElseThrow(() -> notFound(id));
        if (!mayRead(app, user)) {
            throw notFound(id);
        }
        if (action == Action.ATTACH_EVIDENCE) {
            requireEditable(app, user);
        }
        return app.summary();
    }

    /** True when the user may change the application's content now (own organisation, APPLICANT, editable state). */
    public boolean mayEdit(Application app, CurrentUser user) {
        return isApplicant(app, user) && app.state().editable();
    }

    public boolean isApplicant(Application app, CurrentUser user) {
        return user.organisationId().equals(app.applicant()) && user.has(Role.APPLICANT);
    }

    public Completeness completeness(ApplicationId id) {
        return evaluate(get(id));
    }

    public List<StateChange> history(ApplicationId id) {
        get(id);
        return store.history(id);
    }

    public List<Revision> revisions(ApplicationId id) {
        get(id);
        return store.revisions(id);
    }

    /** The frozen content of revision {@code number} as JSON text. */
    public String revisionContent(ApplicationId id, int number) {
        get(id);
        return store.revisionContent(id, number)
                .orElseThrow(() -> ApplicationProblem.notFound("Application " + id + " has no revision " + number));
    }

    /** Field-level changes from revision {@code number - 1} to {@code number}; revision 1 is compared to nothing. */
    public List<FieldChange> diff(ApplicationId id, int number) {
        String after = revisionContent(id, number);
        String before = number > 1 ? store.revisionContent(id, number - 1).orElse("{}") : "{}";
        return Snapshots.diff(before, after);
    }

    // ---- applicant commands -----------------------------------------------------------------------------------------

    /** A new draft filed by the current user's organisation, which must be an EXPORTER; the user must be an APPLICANT. */
    public Application create(ApplicationDraft draft) {
        return inTransaction(() -> {
            CurrentUser user = user();
            if (!user.has(Role.APPLICANT) || user.organisationKind() != OrganisationKind.EXPORTER) {
                throw ApplicationProblem.forbidden(
                        "Only APPLICANT users of an EXPORTER organisation can create licence applications.");
            }
            OrganisationProfile exporter = identity.organisation(user.organisationId())
                    .orElseThrow(() -> ApplicationProblem.forbidden("Your organisation is unknown."));
            var details = ApplicationInput.details(draft, this::checkForeignParty);
            Instant now = now();
            long number = store.nextReferenceNumber();
            String reference = String.format(
                    Locale.ROOT,
                    "LA-%d-%06d",
                    LocalDate.ofInstant(now, ZoneOffset.UTC).getYear(),
                    number);
            Application app = Application.draft(
                    new ApplicationId(UUID.randomUUID()),
                    reference,
                    exporter.id(),
                    exporter.name(),
                    exporter.country().value(),
                    exporter.region(),
                    ApplicationContent.EMPTY.withDetails(
                            details.consigneeOrganisation(),
                            details.endUse(),
                            details.production(),
                            details.relationship(),
                            details.declarations()),
                    user.username(),
                    now);
            store.insert(app);
            store.insertStateChange(
                    app.id(),
                    new StateChange(
                            null,
                            ApplicationState.DRAFT,
                            user.username(),
                            user.organisationId().toString(),
                            now,
                            null,
                            0));
            audit.record(AuditRecord.success(
                            "APPLICATION_CREATED", OBJECT_TYPE, app.id().toString())
                    .withDetail(reference + " drafted by " + exporter.name()));
            return app;
        });
    }

    /** Replaces the application-level sections; parties and items are changed through their own commands. */
    public Application update(ApplicationId id, long expectedVersion, ApplicationDraft draft) {
        return change(id, expectedVersion, "APPLICATION_UPDATED", "details", app -> {
            var d = ApplicationInput.details(draft, this::checkForeignParty);
            return app.content()
                    .withDetails(
                            d.consigneeOrganisation(), d.endUse(), d.production(), d.relationship(), d.declarations());
        });
    }

    /** Adds a party; returns the application and the new party's id. */
    public Added addParty(ApplicationId id, @Nullable Long expectedVersion, PartyDraft draft) {
        UUID pid = UUID.randomUUID();
        Application saved = change(id, expectedVersion, "APPLICATION_PARTY_ADDED", "party " + pid, app -> {
            List<Party> parties = new ArrayList<>(app.content().parties());
            if (parties.size() >= ApplicationInput.maxParties()) {
                throw ApplicationProblem.invalid("parties", "at most " + ApplicationInput.maxParties() + " parties");
            }
            parties.add(ApplicationInput.party(pid, draft, parties.size()));
            return app.content().withParties(parties);
        });
        return new Added(saved, pid);
    }

    public Application updateParty(ApplicationId id, UUID partyId, @Nullable Long expectedVersion, PartyDraft draft) {
        return change(id, expectedVersion, "APPLICATION_PARTY_UPDATED", "party " + partyId, app -> {
            List<Party> parties = new ArrayList<>(app.content().parties());
            int index = indexOfParty(app, partyId);
            parties.set(index, ApplicationInput.party(partyId, draft, index));
            return app.content().withParties(parties);
        });
    }

    public Application removeParty(ApplicationId id, UUID partyId, @Nullable Long expectedVersion) {
        return change(id, expectedVersion, "APPLICATION_PARTY_REMOVED", "party " + partyId, app -> {
            List<Party> parties = new ArrayList<>(app.content().parties());
            parties.remove(indexOfParty(app, partyId));
            return app.content().withParties(parties);
        });
    }

    public Added addItem(ApplicationId id, @Nullable Long expectedVersion, ItemDraft draft) {
        UUID iid = UUID.randomUUID();
        Application saved = change(id, expectedVersion, "APPLICATION_ITEM_ADDED", "item " + iid, app -> {
            List<Item> items = new ArrayList<>(app.content().items());
            if (items.size() >= ApplicationInput.maxItems()) {
                throw ApplicationProblem.invalid("items", "at most " + ApplicationInput.maxItems() + " items");
            }
            items.add(ApplicationInput.item(iid, draft, items.size(), this::controlEntry));
            return app.content().withItems(items);
        });
        return new Added(saved, iid);
    }

    public Application updateItem(ApplicationId id, UUID itemId, @Nullable Long expectedVersion, ItemDraft draft) {
        return change(id, expectedVersion, "APPLICATION_ITEM_UPDATED", "item " + itemId, app -> {
            List<Item> items = new ArrayList<>(app.content().items());
            int index = indexOfItem(app, itemId);
            items.set(index, ApplicationInput.item(itemId, draft, index, this::controlEntry));
            return app.content().withItems(items);
        });
    }

    public Application removeItem(ApplicationId id, UUID itemId, @Nullable Long expectedVersion) {
        return change(id, expectedVersion, "APPLICATION_ITEM_REMOVED", "item " + itemId, app -> {
            List<Item> items = new ArrayList<>(app.content().items());
            items.remove(indexOfItem(app, itemId));
            return app.content().withItems(items);
        });
    }

    /** An added party or item: the saved application and the new element's id. */
    public record Added(Application application, UUID id) {}

    /**
     * Submits a complete draft: routes it to the competent authority, freezes revision 1, records, audits and publishes
     * {@link ApplicationSubmitted}. With an idempotency key, the first answer is stored under the key (unique per
     * application) and every later request with the same key gets that answer without submitting again — also when
     * requests race, because submissions of one application are serialised on its row lock. {@code render} turns the
     * submitted application into the response body stored for replay.
     */
    public SubmissionOutcome submit(
            ApplicationId id, @Nullable String idempotencyKey, Function<Application, String> render) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApplicationProblem.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= SUBMIT_ATTEMPTS; attempt++) {
            try {
                return inTransaction(() -> submitOnce(id, idempotencyKey, render));
            } catch (PessimisticLockingFailureException | DuplicateKeyException e) {
                // Another request with the same key held the row lock (or won the insert); try again to replay its
                // answer.
                log.debug("Submission of {} raced (attempt {}): {}", id, attempt, e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private SubmissionOutcome submitOnce(ApplicationId id, @Nullable String key, Function<Application, String> render) {
        CurrentUser user = user();
        store.lock(id).orElseThrow(() -> notFound(id));
        if (key != null) {
            Optional<ApplicationStore.StoredSubmission> stored = store.submission(id, key);
            if (stored.isPresent()) {
                Application app = store.find(id).orElseThrow();
                if (!isApplicant(app, user)) {
                    throw notFound(id);
                }
                return new SubmissionOutcome(stored.get().status(), stored.get().body(), true);
            }
        }
        Application app = store.find(id).orElseThrow(() -> notFound(id));
        requireApplicant(app, user);
        Instant now = now();
        Application moved = app.apply(Transition.SUBMIT, now);
        Completeness completeness = evaluate(app);
        if (!completeness.complete()) {
            throw ApplicationProblem.incomplete(app.reference(), completeness.missing());
        }
        OrganisationProfile authority = competentAuthority(app);
        Application saved = saveMove(moved.routedTo(authority.id()), app.version());
        freeze(saved, user, now);
        record(saved, app.state(), Transition.SUBMIT, user, now, null, "routed to " + authority.name());
        events.publishEvent(new ApplicationSubmitted(
                saved.id(), saved.reference(), saved.applicant(), authority.id(), saved.revision(), now));
        String body = render.apply(saved);
        if (key != null) {
            store.insertSubmission(id, key, new ApplicationStore.StoredSubmission(200, body), now);
        }
        return new SubmissionOutcome(200, body, false);
    }

    /** Withdraws the application from any non-final state; only the applicant's organisation may. */
    public Application withdraw(ApplicationId id, @Nullable Long expectedVersion, @Nullable String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw ApplicationProblem.invalid("reason", "is longer than 2000 characters");
        }
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = store.find(id).orElseThrow(() -> notFound(id));
            requireApplicantOrganisation(app, user);
            Instant now = now();
            Application moved = app.apply(Transition.WITHDRAW, now);
            Application saved = saveMove(moved, expectedVersion == null ? app.version() : expectedVersion);
            record(saved, app.state(), Transition.WITHDRAW, user, now, why, null);
            events.publishEvent(new ApplicationWithdrawn(
                    saved.id(),
                    saved.reference(),
                    saved.applicant(),
                    saved.competentAuthority(),
                    app.state().name(),
                    why,
                    now));
            return saved;
        });
    }

    // ---- review workflow hooks
    // ----------------------------------------------------------------------------------------

    /**
     * Moves the application on for the review workflow, which decides beforehand who may (this method checks only that
     * the move is legal, the version is current and, for {@link Transition#ANSWER}, that the application is complete).
     * Records the state change with actor and reason, audits it, and freezes a new revision when the move creates one.
     * Not for SUBMIT or WITHDRAW, which have their own commands and checks.
     */
    public Application transition(
            ApplicationId id, Transition transition, @Nullable Long expectedVersion, @Nullable String reason) {
        if (transition == Transition.SUBMIT || transition == Transition.WITHDRAW) {
            throw new IllegalArgumentException("use submit(…) or withdraw(…) for " + transition);
        }
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = lock(id);
            Instant now = now();
            Application moved = app.apply(transition, now);
            if (transition == Transition.ANSWER) {
                Completeness completeness = evaluate(app);
                if (!completeness.complete()) {
                    throw ApplicationProblem.incomplete(app.reference(), completeness.missing());
                }
            }
            Application saved = saveMove(moved, expectedVersion == null ? app.version() : expectedVersion);
            if (transition.createsRevision()) {
                freeze(saved, user, now);
            }
            record(saved, app.state(), transition, user, now, reason, null);
            return saved;
        });
    }

    public Application accept(ApplicationId id, @Nullable Long expectedVersion, @Nullable String reason) {
        return transition(id, Transition.ACCEPT, expectedVersion, reason);
    }

    public Application requestInformation(ApplicationId id, @Nullable Long expectedVersion, String reason) {
        return transition(id, Transition.REQUEST_INFORMATION, expectedVersion, reason);
    }

    public Application answer(ApplicationId id, @Nullable Long expectedVersion, @Nullable String reason) {
        return transition(id, Transition.ANSWER, expectedVersion, reason);
    }

    public Application proposeApproval(ApplicationId id, @Nullable Long expectedVersion, @Nullable String reason) {
        return transition(id, Transition.PROPOSE_APPROVAL, expectedVersion, reason);
    }

    public Application returnToReview(ApplicationId id, @Nullable Long expectedVersion, @Nullable String reason) {
        return transition(id, Transition.RETURN_TO_REVIEW, expectedVersion, reason);
    }

    public Application approve(ApplicationId id, @Nullable Long expectedVersion, @Nullable String reason) {
        return transition(id, Transition.APPROVE, expectedVersion, reason);
    }

    public Application refuse(ApplicationId id, @Nullable Long expectedVersion, String reason) {
        return transition(id, Transition.REFUSE, expectedVersion, reason);
    }

    /** The application without a need-to-know check, for the review workflow after its own authorisation. */
    public Optional<Application> find(ApplicationId id) {
        return store.find(id);
    }

    /**
     * Locks the application row until the caller's transaction ends and returns the application as it is then: the
     * review workflow serialises every act on a case this way, so that of two reviewers deciding at once the second
     * sees the first one's outcome. No need-to-know check; 404 for an unknown id.
     */
    public Application lock(ApplicationId id) {
        store.lock(id).orElseThrow(() -> notFound(id));
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    // ---- internals
    // ----------------------------------------------------------------------------------------------------

    private Application change(
            ApplicationId id,
            @Nullable Long expectedVersion,
            String action,
            String what,
            Function<Application, ApplicationContent> edit) {
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = store.find(id).orElseThrow(() -> notFound(id));
            requireEditable(app, user);
            long expected = expectedVersion == null ? app.version() : expectedVersion;
            if (expected != app.version()) {
                throw ApplicationProblem.stale(app.reference(), expected, app.version());
            }
            Application changed = app.edit(edit.apply(app), now());
            Application saved = save(changed, expected);
            audit.record(AuditRecord.success(action, OBJECT_TYPE, id.toString())
                    .withDetail(app.reference() + ": " + what + " (version " + saved.version() + ")"));
            return saved;
        });
    }

    /** A state move: the content is the one just read, so only the root row changes. */
    private Application saveMove(Application app, long expectedVersion) {
        return store.saveMove(app, expectedVersion).orElseGet(() -> {
            long actual = store.find(app.id()).map(Application::version).orElse(-1L);
            throw ApplicationProblem.stale(app.reference(), expectedVersion, actual);
        });
    }

    private Application save(Application app, long expectedVersion) {
        return store.save(app, expectedVersion).orElseGet(() -> {
            long actual = store.find(app.id()).map(Application::version).orElse(-1L);
            throw ApplicationProblem.stale(app.reference(), expectedVersion, actual);
        });
    }

    private void freeze(Application saved, CurrentUser user, Instant now) {
        store.insertRevision(
                saved.id(),
                new Revision(saved.revision(), saved.state(), user.username(), now),
                Snapshots.write(saved.content()));
    }

    private void record(
            Application saved,
            ApplicationState from,
            Transition transition,
            CurrentUser user,
            Instant now,
            @Nullable String reason,
            @Nullable String extra) {
        store.insertStateChange(
                saved.id(),
                new StateChange(
                        from,
                        saved.state(),
                        user.username(),
                        user.organisationId().toString(),
                        now,
                        reason,
                        saved.revision()));
        StringBuilder detail = new StringBuilder(saved.reference())
                .append(": ")
                .append(from)
                .append(" -> ")
                .append(saved.state());
        if (transition.createsRevision()) {
            detail.append(", revision ").append(saved.revision());
        }
        if (extra != null) {
            detail.append(", ").append(extra);
        }
        if (reason != null) {
            detail.append("; reason: ").append(reason);
        }
        audit.record(AuditRecord.success(
                        transition.auditAction(), OBJECT_TYPE, saved.id().toString())
                .withDetail(detail.toString()));
    }

    Completeness evaluate(Application app) {
        List<ControlEntry> inForce = controlList.entriesInForce(controlList.today(), null, null);
        return check.evaluate(
                app.content(),
                evidence.onFile(app.id()),
                key -> inForce.stream()
                        .filter(e -> e.key().equals(key))
                        .findFirst()
                        .map(e -> Set.copyOf(e.elements()))
                        .orElse(Set.of()));
    }

    /** Key ({@code dy-oxide}) or control number ({@code 1C905.b}) of an entry in force today, case-insensitively. */
    Optional<ControlEntry> controlEntry(String keyOrNumber) {
        return controlList.entriesInForce(controlList.today(), null, null).stream()
                .filter(e -> e.key().equalsIgnoreCase(keyOrNumber)
                        || (e.controlNumber() != null && e.controlNumber().equalsIgnoreCase(keyOrNumber)))
                .findFirst();
    }

    /** The provincial authority whose jurisdiction is the exporter's region, else the national one. */
    OrganisationProfile competentAuthority(Application app) {
        List<OrganisationProfile> authorities = identity.organisations(OrganisationKind.AUTHORITY);
        return authorities.stream()
                .filter(a ->
                        app.applicantRegion() != null && app.applicantRegion().equalsIgnoreCase(a.jurisdiction()))
                .findFirst()
                .or(() -> authorities.stream()
                        .filter(a -> app.applicantCountry().equalsIgnoreCase(a.jurisdiction()))
                        .findFirst())
                .orElseThrow(() -> ApplicationProblem.conflict("No authority is competent for application "
                        + app.reference() + ": none has jurisdiction "
                        + (app.applicantRegion() == null ? "" : app.applicantRegion() + " or ")
                        + app.applicantCountry() + ". An administrator must register one."));
    }

    /** Empty when the id names a FOREIGN_PARTY organisation; otherwise the reason it cannot be the consignee. */
    private Optional<String> checkForeignParty(String organisationId) {
        Optional<OrganisationProfile> org = identity.organisation(OrganisationId.of(organisationId));
        if (org.isEmpty()) {
            return Optional.of("no organisation " + organisationId + " is known");
        }
        if (org.get().kind() != OrganisationKind.FOREIGN_PARTY) {
            return Optional.of("organisation '" + org.get().name() + "' is not a FOREIGN_PARTY");
        }
        return Optional.empty();
    }

    private boolean mayRead(Application app, CurrentUser user) {
        if (user.organisationId().equals(app.applicant())) {
            return true;
        }
        if (user.organisationKind() != OrganisationKind.AUTHORITY || app.competentAuthority() == null) {
            return false;
        }
        if ((user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR))
                && user.organisationId().equals(app.competentAuthority())) {
            return true;
        }
        if ((user.has(Role.ENFORCEMENT) || user.has(Role.AUDITOR))
                && app.applicantCountry().equalsIgnoreCase(user.jurisdiction())) {
            return true;
        }
        return sharing.stream().anyMatch(s -> s.sharedWith(app.id(), user));
    }

    private static ApplicationStore.@Nullable Scope scopeOf(CurrentUser user) {
        if (user.organisationKind() == OrganisationKind.EXPORTER) {
            return ApplicationStore.Scope.ofApplicant(user.organisationId());
        }
        if (user.organisationKind() != OrganisationKind.AUTHORITY) {
            return null;
        }
        if (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR)) {
            return ApplicationStore.Scope.ofAuthority(user.organisationId());
        }
        if ((user.has(Role.ENFORCEMENT) || user.has(Role.AUDITOR))
                && user.jurisdiction() != null
                && user.jurisdiction().length() == 2) {
            return ApplicationStore.Scope.national(user.jurisdiction().toUpperCase(Locale.ROOT));
        }
        return null;
    }

    private void requireEditable(Application app, CurrentUser user) {
        requireApplicant(app, user);
        if (!app.state().editable()) {
            throw ApplicationProblem.conflict("Application " + app.reference() + " is " + app.state()
                    + " and can no longer be changed: only a DRAFT, or an application whose information request is"
                    + " being answered (INFORMATION_REQUESTED), can be edited.");
        }
    }

    private void requireApplicant(Application app, CurrentUser user) {
        requireApplicantOrganisation(app, user);
        if (!user.has(Role.APPLICANT)) {
            throw ApplicationProblem.forbidden("Only an APPLICANT of " + app.applicantName() + " may do this.");
        }
    }

    private void requireApplicantOrganisation(Application app, CurrentUser user) {
        if (!user.organisationId().equals(app.applicant())) {
            if (mayRead(app, user)) {
                throw ApplicationProblem.forbidden(
                        "Only the applicant's organisation (" + app.applicantName() + ") may do this.");
            }
            throw notFound(app.id());
        }
    }

    private CurrentUser user() {
        return identity.currentUser()
                .orElseThrow(() -> ApplicationProblem.forbidden("Sign in to work with licence applications."));
    }

    private static ApplicationProblem notFound(ApplicationId id) {
        return ApplicationProblem.notFound("No application " + id + " that you may see.");
    }

    private static int indexOfParty(Application app, UUID partyId) {
        List<Party> parties = app.content().parties();
        for (int i = 0; i < parties.size(); i++) {
            if (parties.get(i).id().equals(partyId)) {
                return i;
            }
        }
        throw ApplicationProblem.notFound("Application " + app.reference() + " has no party " + partyId);
    }

    private static int indexOfItem(Application app, UUID itemId) {
        List<Item> items = app.content().items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw ApplicationProblem.notFound("Application " + app.reference() + " has no item " + itemId);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    private Instant now() {
        return clock.instant();
    }
}
