package org.lodestone.licensing.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.identity.UserContact;
import org.lodestone.licensing.ApplicationDecided;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.ApplicationSubmitted;
import org.lodestone.licensing.ApplicationWithdrawn;
import org.lodestone.licensing.ApprovalProposed;
import org.lodestone.licensing.CaseAssigned;
import org.lodestone.licensing.ConsultationRequested;
import org.lodestone.licensing.InformationProvided;
import org.lodestone.licensing.InformationRequested;
import org.lodestone.licensing.IssueLicence;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.Licences;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.Transition;
import org.lodestone.licensing.clock.ClockReading;
import org.lodestone.licensing.clock.ClockToday;
import org.lodestone.licensing.clock.Pause;
import org.lodestone.licensing.clock.StatutoryClock;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.lodestone.licensing.evidence.EvidenceOnFile;
import org.lodestone.licensing.review.ReviewCommands.Countersign;
import org.lodestone.licensing.review.ReviewCommands.Countersignature;
import org.lodestone.licensing.review.ReviewCommands.Decide;
import org.lodestone.licensing.review.ReviewCommands.Outcome;
import org.lodestone.licensing.review.ReviewCommands.RequestInformation;
import org.lodestone.licensing.review.ReviewCommands.Respond;
import org.lodestone.licensing.review.store.ReviewStore;
import org.lodestone.licensing.spi.PartyScreening;
import org.lodestone.licensing.spi.ScreeningClearance;
import org.lodestone.shared.ChemicalElements;
import org.lodestone.shared.CountryCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of submitted applications by the competent authority. Every act runs in one transaction that first locks
 * the application row, so acts on one case are serialised: of two reviewers deciding at once, the second finds the
 * state or version moved and gets a 409. Who may act is decided here (the endpoint policy only filters roles); the
 * application's moves go through {@link Applications#transition}, which records and audits them with actor and reason.
 *
 * <p>Assignment routes the work; it does not lock colleagues out (an absent reviewer's case must not stall the
 * statutory clock). Approvals take two people: a proposal, and a SUPERVISOR's countersignature, never by the proposer.
 */
@Component
public class Reviews {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reviews.class);

    static final Set<ApplicationState> OPEN_STATES = EnumSet.of(
            ApplicationState.SUBMITTED,
            ApplicationState.IN_REVIEW,
            ApplicationState.INFORMATION_REQUESTED,
            ApplicationState.APPROVAL_PROPOSED);

    private static final String OBJECT_TYPE = "APPLICATION";
    private static final int DEFAULT_RESPONSE_WORKING_DAYS = 20;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_REQUESTED_ITEMS = 30;
    private static final int MAX_CONDITIONS = 20;

    private final Applications applications;
    private final ReviewStore store;
    private final Identity identity;
    private final EvidenceCatalogue evidence;
    private final StatutoryClock clock;
    private final ClockToday today;
    private final Licences licences;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final PartyScreening screening;
    private final Clock wallClock = Clock.systemUTC();

    Reviews(
            Applications applications,
            ReviewStore store,
            Identity identity,
            EvidenceCatalogue evidence,
            StatutoryClock clock,
            ClockToday today,
            Licences licences,
            AuditTrail audit,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            PartyScreening screening) {
        this.applications = applications;
        this.store = store;
        this.identity = identity;
        this.evidence = evidence;
        this.clock = clock;
        this.today = today;
        this.licences = licences;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.screening = screening;
    }

    // ---- the case opens and closes with the application
    // --------------------------------------------------------------

    /** Runs in the submitting transaction: no submitted application is ever without its case. */
    @EventListener
    void on(ApplicationSubmitted event) {
        if (store.find(event.application()).isPresent()) {
            return;
        }
        Application app = applications.find(event.application()).orElse(null);
        if (app == null) {
            log.warn(
                    "No application {} for the submission event of {}: no review case opened",
                    event.application(),
                    event.reference());
            return;
        }
        LocalDate started = today.today();
        ClockReading reading = clock.read(started, List.of(), started);
        store.insert(
                new ReviewCase(
                        app.id(),
                        event.competentAuthority(),
                        app.reference(),
                        app.applicantName(),
                        app.state(),
                        true,
                        destinations(app),
                        elements(app),
                        event.at(),
                        started,
                        null,
                        null,
                        null,
                        started,
                        false,
                        reading.deadline(),
                        reading.limit(),
                        null,
                        null),
                event.at());
    }

    @EventListener
    void on(ApplicationWithdrawn event) {
        store.find(event.application()).ifPresent(c -> close(c, ApplicationState.WITHDRAWN));
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    /** The caller's authority's open cases that match the filter; REVIEWERs and SUPERVISORs only. */
    public QueuePage queue(QueueFilter filter) {
        CurrentUser user = user();
        if (user.organisationKind() != OrganisationKind.AUTHORITY
                || !(user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR))) {
            throw ReviewProblem.forbidden("The review queue is for REVIEWERs and SUPERVISORs of an authority.");
        }
        LocalDate day = today.today();
        List<ReviewProblem.FieldError> errors = new ArrayList<>();
        String element = null;
        if (filter.element() != null && !filter.element().isBlank()) {
            element = ChemicalElements.symbol(filter.element());
            if (element == null) {
                errors.add(new ReviewProblem.FieldError("element", "'" + filter.element() + "' is no element symbol"));
            }
        }
        String destination = null;
        if (filter.destination() != null && !filter.destination().isBlank()) {
            if (CountryCode.isValid(filter.destination())) {
                destination = CountryCode.of(filter.destination()).value();
            } else {
                errors.add(new ReviewProblem.FieldError(
                        "destination", "'" + filter.destination() + "' is no ISO 3166 alpha-2 country code"));
            }
        }
        if (filter.minAgeDays() != null && filter.minAgeDays() < 0) {
            errors.add(new ReviewProblem.FieldError("minAgeDays", "must not be negative"));
        }
        if (filter.maxDaysLeft() != null && filter.maxDaysLeft() < 0) {
            errors.add(new ReviewProblem.FieldError("maxDaysLeft", "must not be negative"));
        }
        for (ApplicationState s : filter.states()) {
            if (!OPEN_STATES.contains(s)) {
                errors.add(new ReviewProblem.FieldError(
                        "state", s + " is not a state of the queue (" + OPEN_STATES + ")"));
            }
        }
        if (filter.page() < 0) {
            errors.add(new ReviewProblem.FieldError("page", "must not be negative"));
        }
        if (filter.size() < 1 || filter.size() > 200) {
            errors.add(new ReviewProblem.FieldError("size", "must be 1 to 200"));
        }
        if (!errors.isEmpty()) {
            throw ReviewProblem.invalid(errors);
        }
        String assignee = null;
        boolean unassigned = false;
        if (filter.assignee() != null && !filter.assignee().isBlank()) {
            String a = filter.assignee().strip();
            if (a.equalsIgnoreCase("none")) {
                unassigned = true;
            } else {
                assignee = a.equalsIgnoreCase("me") ? user.username() : a;
            }
        }
        Integer maxLeft = filter.maxDaysLeft();
        LocalDate deadlineAtMost =
                maxLeft == null ? null : maxLeft == 0 ? day : clock.calendar().workingDayAfter(day, maxLeft);
        var query = new ReviewStore.QueueQuery(
                user.organisationId(),
                List.copyOf(filter.states()),
                element,
                destination,
                filter.minAgeDays() == null ? null : day.minusDays(filter.minAgeDays()),
                deadlineAtMost,
                maxLeft,
                filter.overdue() ? lastWorkingDayUpTo(day) : null,
                assignee,
                unassigned,
                filter.text() == null || filter.text().isBlank()
                        ? null
                        : filter.text().strip(),
                filter.sort(),
                filter.page() * filter.size(),
                filter.size());
        List<ReviewCase> cases = store.queue(query);
        long total = cases.size() < filter.size() && filter.page() == 0 ? cases.size() : store.count(query);
        Map<ApplicationId, List<Pause>> pauses =
                store.pauses(cases.stream().map(ReviewCase::application).toList());
        List<QueueEntry> entries = cases.stream()
                .map(c -> new QueueEntry(
                        c,
                        clock.read(c.clockStartedOn(), pauses.getOrDefault(c.application(), List.of()), day),
                        ChronoUnit.DAYS.between(c.submittedOn(), day),
                        c.informationDueOn() != null && day.isAfter(c.informationDueOn())))
                .toList();
        return new QueuePage(entries, filter.page(), filter.size(), total);
    }

    /** The review of one application as the caller may see it; 404 before submission or for strangers. */
    public CaseFile caseFile(ApplicationId id) {
        CurrentUser user = user();
        Application app = applications.get(id);
        ReviewCase c = store.find(id)
                .orElseThrow(() -> ReviewProblem.notFound(
                        "Application " + app.reference() + " has not been submitted: there is no review yet."));
        LocalDate day = c.open() || c.clockStoppedOn() == null ? today.today() : c.clockStoppedOn();
        ClockReading reading = clock.read(c.clockStartedOn(), store.pauses(id), day);
        List<Decision> decisions = store.decisions(id);
        Decision pending = pendingProposal(c, decisions);
        Permissions permissions = new Permissions(app, c, user);
        if (isApplicantSide(app, user)) {
            ReviewCase visible = withoutAssignee(c);
            List<Decision> finals = decisions.stream()
                    .filter(d -> d.kind() == Decision.Kind.REFUSED || d.kind() == Decision.Kind.COUNTERSIGNED)
                    .map(Reviews::withoutInternalNote)
                    .toList();
            // The applicant never learns of screening hits: telling a listed party it was matched would tip it off.
            return new CaseFile(
                    visible,
                    reading,
                    false,
                    store.requests(id),
                    List.of(),
                    List.of(),
                    finals,
                    null,
                    permissions.all(),
                    null);
        }
        boolean staff = isCompetentStaff(c, user) || isNationalOversight(user);
        List<Consultation> consultations = store.consultations(id).stream()
                .filter(k -> staff || k.consulted().equals(user.organisationId()))
                .toList();
        return new CaseFile(
                c,
                reading,
                true,
                store.requests(id),
                consultations,
                staff ? store.notes(id) : List.of(),
                decisions,
                pending,
                permissions.all(),
                screening.clearance(id));
    }

    public List<InformationRequest> informationRequests(ApplicationId id) {
        return caseFile(id).informationRequests();
    }

    public InformationRequest informationRequest(ApplicationId id, UUID requestId) {
        return informationRequests(id).stream()
                .filter(r -> r.id().equals(requestId))
                .findFirst()
                .orElseThrow(() ->
                        ReviewProblem.notFound("Application " + id + " has no information request " + requestId + "."));
    }

    public List<Note> notes(ApplicationId id) {
        CurrentUser user = user();
        Application app = applications.get(id);
        ReviewCase c = requireCase(app);
        if (!isCompetentStaff(c, user) && !isNationalOversight(user)) {
            throw ReviewProblem.forbidden("Internal notes are for the reviewing authority only.");
        }
        return store.notes(id);
    }

    public List<Consultation> consultations(ApplicationId id) {
        CaseFile file = caseFile(id);
        if (!file.internal()) {
            throw ReviewProblem.forbidden("Consultations between authorities are internal to the authorities.");
        }
        return file.consultations();
    }

    public List<Decision> decisions(ApplicationId id) {
        return caseFile(id).decisions();
    }

    /** The users a SUPERVISOR may assign the case to: the REVIEWERs of the competent authority. */
    public List<UserContact> assignableReviewers(ApplicationId id) {
        Application app = applications.get(id);
        ReviewCase c = requireCase(app);
        return identity.members(c.authority(), Role.REVIEWER);
    }

    /** Other authorities the case can be referred to for consultation. */
    public List<OrganisationProfile> consultableAuthorities(ApplicationId id) {
        Application app = applications.get(id);
        ReviewCase c = requireCase(app);
        return identity.organisations(OrganisationKind.AUTHORITY).stream()
                .filter(o -> !o.id().equals(c.authority()))
                .toList();
    }

    // ---- acts -------------------------------------------------------------------------------------------------------

    /**
     * Assigns the case. A REVIEWER takes an unassigned case ({@code assignee} = own username) or releases his own
     * ({@code null}); a SUPERVISOR assigns to any REVIEWER of the authority, or releases. Taking up a SUBMITTED case
     * moves it IN_REVIEW.
     */
    public CaseFile assign(ApplicationId id, @Nullable String assignee) {
        String target = assignee == null || assignee.isBlank() ? null : assignee.strip();
        inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            requireCompetentStaff(c, user);
            requireOpen(c);
            boolean supervisor = user.has(Role.SUPERVISOR);
            String name = null;
            if (target == null) {
                if (!supervisor && !user.username().equals(c.assignee())) {
                    throw ReviewProblem.forbidden(
                            "Only the assignee or a SUPERVISOR can release case " + c.reference() + ".");
                }
            } else if (target.equals(user.username()) && user.has(Role.REVIEWER)) {
                if (c.assignee() != null && !c.assignee().equals(target) && !supervisor) {
                    throw ReviewProblem.conflict("Case " + c.reference() + " is already assigned to " + c.assigneeName()
                            + " (" + c.assignee() + "); a SUPERVISOR can reassign it.");
                }
                name = user.displayName();
            } else {
                if (!supervisor) {
                    throw ReviewProblem.forbidden(
                            "Only a SUPERVISOR assigns cases to others; a REVIEWER can take a case himself.");
                }
                name = identity.members(c.authority(), Role.REVIEWER).stream()
                        .filter(m -> m.username().equals(target))
                        .map(UserContact::displayName)
                        .findFirst()
                        .orElseThrow(() -> ReviewProblem.invalid(
                                "assignee", "'" + target + "' is no REVIEWER of the reviewing authority"));
            }
            Instant now = now();
            if (target != null && app.state() == ApplicationState.SUBMITTED) {
                app = applications.transition(id, Transition.ACCEPT, app.version(), "taken up by " + name);
            }
            ReviewCase updated = copy(c, app.state())
                    .assignee(target, name, target == null ? null : now)
                    .build();
            store.update(updated, now);
            audit.record(AuditRecord.success("CASE_ASSIGNED", OBJECT_TYPE, id.toString())
                    .withDetail(c.reference() + ": "
                            + (target == null ? "released by " + user.username() : "assigned to " + target)
                            + (c.assignee() == null ? "" : " (was " + c.assignee() + ")")));
            events.publishEvent(new CaseAssigned(id, c.reference(), c.authority(), target, user.username(), now));
            return null;
        });
        return caseFile(id);
    }

    public Note addNote(ApplicationId id, @Nullable String body) {
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            requireCompetentStaff(c, user);
            String text = requiredText("body", body, MAX_TEXT);
            Note note = new Note(UUID.randomUUID(), id, user.username(), user.displayName(), text, now());
            store.insert(note, user.organisationId());
            // The note's text stays out of the audit trail: the trail is read more widely than the case.
            audit.record(AuditRecord.success("CASE_NOTE_ADDED", OBJECT_TYPE, id.toString())
                    .withDetail(c.reference() + ": internal note " + note.id()));
            return note;
        });
    }

    /** Asks the applicant for information; the application becomes editable again and the clock stops. */
    public InformationRequest requestInformation(ApplicationId id, RequestInformation command) {
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            requireCompetentStaff(c, user);
            requireRole(user, Role.REVIEWER, "request information");
            long version = requireVersion(command.version());
            LocalDate day = today.today();
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            String message = text("message", command.message(), MAX_TEXT, true, errors);
            List<RequestedItem> items = requestedItems(app, command.items(), errors);
            LocalDate due = command.dueOn() == null
                    ? clock.calendar().workingDayAfter(day, DEFAULT_RESPONSE_WORKING_DAYS)
                    : command.dueOn();
            if (!due.isAfter(day)) {
                errors.add(new ReviewProblem.FieldError("dueOn", "must be after today (" + day + ")"));
            } else if (due.isAfter(day.plusDays(90))) {
                errors.add(new ReviewProblem.FieldError("dueOn", "must be within 90 days"));
            }
            if (!errors.isEmpty()) {
                throw ReviewProblem.invalid(errors);
            }
            int number = store.nextRequestNumber(id);
            Application moved = applications.transition(
                    id,
                    Transition.REQUEST_INFORMATION,
                    version,
                    "information request #" + number + " (" + items.size() + " item" + (items.size() == 1 ? "" : "s")
                            + ", due " + due + "): " + message);
            Instant now = now();
            InformationRequest request = new InformationRequest(
                    UUID.randomUUID(),
                    id,
                    number,
                    InformationRequest.State.OPEN,
                    message,
                    items,
                    due,
                    user.username(),
                    user.displayName(),
                    now,
                    List.of(),
                    null,
                    null,
                    null);
            store.insert(request);
            store.startPause(id, "INFORMATION_REQUEST", request.id(), day);
            store.update(reclock(copy(c, moved.state()).informationDue(due).build(), day), now);
            events.publishEvent(new InformationRequested(
                    id, c.reference(), app.applicant(), c.authority(), request.id(), items.size(), due, now));
            return request;
        });
    }

    /**
     * The applicant answers the open request: an answer per requested item (documents uploaded meanwhile named by id).
     * The application is checked for completeness and frozen as a new revision; the clock runs again.
     */
    public InformationRequest respond(ApplicationId id, UUID requestId, Respond command) {
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            if (!applications.isApplicant(app, user)) {
                throw ReviewProblem.forbidden(
                        "Only an APPLICANT of " + app.applicantName() + " can answer an information request.");
            }
            ReviewCase c = requireCase(app);
            long version = requireVersion(command.version());
            InformationRequest request = store.requests(id).stream()
                    .filter(r -> r.id().equals(requestId))
                    .findFirst()
                    .orElseThrow(() -> ReviewProblem.notFound(
                            "Application " + app.reference() + " has no information request " + requestId + "."));
            if (!request.isOpen()) {
                throw ReviewProblem.conflict("Information request #" + request.number() + " of " + app.reference()
                        + " is " + request.state() + " and cannot be answered again.");
            }
            List<Answer> answers = answers(id, request, command.answers());
            Application moved = applications.transition(
                    id, Transition.ANSWER, version, "answer to information request #" + request.number());
            Instant now = now();
            LocalDate day = today.today();
            store.answer(request.id(), answers, user.username(), now, moved.revision());
            store.endPause(id, request.id(), day);
            ReviewCase updated = copy(c, moved.state())
                    .informationDue(null)
                    .content(destinations(moved), elements(moved))
                    .build();
            store.update(reclock(updated, day), now);
            events.publishEvent(new InformationProvided(
                    id, c.reference(), c.authority(), c.assignee(), request.id(), moved.revision(), now));
            return store.requests(id).stream()
                    .filter(r -> r.id().equals(requestId))
                    .findFirst()
                    .orElseThrow();
        });
    }

    /** Refers the case to another authority; the clock stops while the consultation is open unless told otherwise. */
    public Consultation consult(ApplicationId id, ReviewCommands.Consult command) {
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            requireCompetentStaff(c, user);
            requireRole(user, Role.REVIEWER, "consult another authority");
            requireOpen(c);
            if (c.state() == ApplicationState.SUBMITTED) {
                throw ReviewProblem.conflict(
                        "Case " + c.reference() + " has not been taken up yet: assign it before consulting.");
            }
            LocalDate day = today.today();
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            String question = text("question", command.question(), MAX_TEXT, true, errors);
            OrganisationProfile consulted = null;
            if (command.authority() == null || command.authority().isBlank()) {
                errors.add(new ReviewProblem.FieldError("authority", "is required"));
            } else {
                consulted = authority(command.authority()).orElse(null);
                if (consulted == null) {
                    errors.add(
                            new ReviewProblem.FieldError("authority", "'" + command.authority() + "' is no authority"));
                } else if (consulted.id().equals(c.authority())) {
                    errors.add(new ReviewProblem.FieldError(
                            "authority", "is the reviewing authority itself; consult another one"));
                }
            }
            LocalDate due = command.dueOn() == null ? clock.calendar().workingDayAfter(day, 10) : command.dueOn();
            if (!due.isAfter(day) || due.isAfter(day.plusDays(90))) {
                errors.add(new ReviewProblem.FieldError("dueOn", "must be after today and within 90 days"));
            }
            if (!errors.isEmpty() || consulted == null) {
                throw ReviewProblem.invalid(errors);
            }
            boolean pauses = command.pausesClock() == null || command.pausesClock();
            Instant now = now();
            Consultation consultation = new Consultation(
                    UUID.randomUUID(),
                    id,
                    consulted.id(),
                    consulted.name(),
                    Consultation.State.OPEN,
                    question,
                    pauses,
                    due,
                    user.username(),
                    user.displayName(),
                    now,
                    null,
                    null,
                    null,
                    null);
            store.insert(consultation);
            if (pauses) {
                store.startPause(id, "CONSULTATION", consultation.id(), day);
                store.update(reclock(c, day), now);
            }
            audit.record(AuditRecord.success("CASE_CONSULTATION_REQUESTED", OBJECT_TYPE, id.toString())
                    .withDetail(c.reference() + ": consulted " + consulted.name() + ", due " + due
                            + (pauses ? ", clock stopped" : "")));
            events.publishEvent(new ConsultationRequested(
                    id, c.reference(), c.authority(), consulted.id(), consultation.id(), due, now));
            return consultation;
        });
    }

    /** The consulted authority's answer; its REVIEWERs, SUPERVISORs or ENFORCEMENT staff give it. */
    public Consultation answerConsultation(ApplicationId id, UUID consultationId, @Nullable String answer) {
        return inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            Consultation consultation = store.consultations(id).stream()
                    .filter(k -> k.id().equals(consultationId))
                    .findFirst()
                    .orElseThrow(() -> ReviewProblem.notFound(
                            "Application " + app.reference() + " has no consultation " + consultationId + "."));
            if (!user.organisationId().equals(consultation.consulted())
                    || !(user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR) || user.has(Role.ENFORCEMENT))) {
                throw ReviewProblem.forbidden("Only the consulted authority (" + consultation.consultedName()
                        + ") can answer this consultation.");
            }
            if (!consultation.isOpen()) {
                throw ReviewProblem.conflict("The consultation of " + consultation.consultedName() + " on "
                        + c.reference() + " is " + consultation.state() + ".");
            }
            String text = requiredText("answer", answer, MAX_TEXT);
            Instant now = now();
            LocalDate day = today.today();
            store.answer(consultationId, text, user.username(), user.displayName(), now);
            if (store.endPause(id, consultationId, day)) {
                store.update(reclock(c, day), now);
            }
            audit.record(AuditRecord.success("CASE_CONSULTATION_ANSWERED", OBJECT_TYPE, id.toString())
                    .withDetail(c.reference() + ": answered by " + user.organisationName()));
            return store.consultations(id).stream()
                    .filter(k -> k.id().equals(consultationId))
                    .findFirst()
                    .orElseThrow();
        });
    }

    /** Proposes approval (a SUPERVISOR must countersign) or refuses with a reason code and a text for the applicant. */
    public CaseFile decide(ApplicationId id, Decide command) {
        inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            requireCompetentStaff(c, user);
            long version = requireVersion(command.version());
            if (command.outcome() == null) {
                throw ReviewProblem.invalid("outcome", "is required: PROPOSE_APPROVAL or REFUSE");
            }
            requireOpen(c);
            List<ReviewProblem.FieldError> errors = new ArrayList<>();
            String note = text("internalNote", command.internalNote(), MAX_TEXT, false, errors);
            if (command.outcome() == Outcome.REFUSE) {
                refuse(app, c, user, version, command, note, errors);
            } else {
                propose(app, c, user, version, command, note, errors);
            }
            return null;
        });
        return caseFile(id);
    }

    private void refuse(
            Application app,
            ReviewCase c,
            CurrentUser user,
            long version,
            Decide command,
            @Nullable String note,
            List<ReviewProblem.FieldError> errors) {
        if (app.state() == ApplicationState.APPROVAL_PROPOSED && !user.has(Role.SUPERVISOR)) {
            throw ReviewProblem.conflict("Application " + app.reference()
                    + " awaits a SUPERVISOR's countersignature; only a SUPERVISOR can refuse it now.");
        }
        RefusalReason reason = null;
        if (command.reasonCode() == null || command.reasonCode().isBlank()) {
            errors.add(new ReviewProblem.FieldError("reasonCode", "is required for a refusal: one of " + reasons()));
        } else {
            try {
                reason = RefusalReason.valueOf(command.reasonCode().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ReviewProblem.FieldError(
                        "reasonCode", "'" + command.reasonCode() + "' is none of " + reasons()));
            }
        }
        String text = text("text", command.text(), MAX_TEXT, true, errors);
        if (!errors.isEmpty() || reason == null) {
            throw ReviewProblem.invalid(errors);
        }
        Application moved = applications.transition(app.id(), Transition.REFUSE, version, reason.name() + ": " + text);
        Instant now = now();
        store.insert(new Decision(
                UUID.randomUUID(),
                app.id(),
                Decision.Kind.REFUSED,
                user.username(),
                user.displayName(),
                now,
                reason,
                text,
                note,
                null,
                null));
        close(copy(c, moved.state()).build(), moved.state());
        events.publishEvent(new ApplicationDecided(
                app.id(),
                app.reference(),
                app.applicant(),
                c.authority(),
                ApplicationDecided.Outcome.REFUSED,
                reason.name(),
                text,
                null,
                now));
    }

    private void propose(
            Application app,
            ReviewCase c,
            CurrentUser user,
            long version,
            Decide command,
            @Nullable String note,
            List<ReviewProblem.FieldError> errors) {
        requireRole(user, Role.REVIEWER, "propose approval");
        ApprovalTerms terms = terms(app, command.terms(), errors);
        String remarks = text("text", command.text(), MAX_TEXT, false, errors);
        if (!errors.isEmpty()) {
            throw ReviewProblem.invalid(errors);
        }
        Optional<Consultation> open = store.consultations(app.id()).stream()
                .filter(Consultation::isOpen)
                .findFirst();
        if (open.isPresent()) {
            throw ReviewProblem.conflict("The consultation of " + open.get().consultedName() + " on " + app.reference()
                    + " is still open; wait for its answer before proposing approval.");
        }
        ScreeningClearance clearance = screening.clearance(app.id());
        if (clearance.blocksApproval()) {
            throw ReviewProblem.screeningHitsOpen(clearance);
        }
        Application moved = applications.transition(
                app.id(), Transition.PROPOSE_APPROVAL, version, remarks == null ? "approval proposed" : remarks);
        Instant now = now();
        store.insert(new Decision(
                UUID.randomUUID(),
                app.id(),
                Decision.Kind.APPROVAL_PROPOSED,
                user.username(),
                user.displayName(),
                now,
                null,
                remarks,
                note,
                terms,
                null));
        store.update(copy(c, moved.state()).build(), now);
        events.publishEvent(new ApprovalProposed(app.id(), app.reference(), c.authority(), user.username(), now));
    }

    /**
     * A SUPERVISOR other than the proposer countersigns the proposal (the application is APPROVED and the licence
     * issued from the proposal's terms, in the same transaction) or returns it to review with a comment.
     */
    public CaseFile countersign(ApplicationId id, Countersign command) {
        inTransaction(() -> {
            CurrentUser user = user();
            Application app = lockReadable(id, user);
            ReviewCase c = requireCase(app);
            requireCompetentStaff(c, user);
            requireRole(user, Role.SUPERVISOR, "countersign");
            long version = requireVersion(command.version());
            if (command.outcome() == null) {
                throw ReviewProblem.invalid("outcome", "is required: COUNTERSIGN or RETURN");
            }
            Decision proposal = pendingProposal(c, store.decisions(id));
            if (proposal == null || app.state() != ApplicationState.APPROVAL_PROPOSED) {
                throw ReviewProblem.conflict("Application " + app.reference() + " is " + app.state()
                        + ": there is no proposal to approve awaiting countersignature.");
            }
            if (proposal.actor().equals(user.username())) {
                throw ReviewProblem.sameSignatory("You proposed to approve " + app.reference()
                        + "; a different SUPERVISOR must countersign (four-eyes rule).");
            }
            Instant now = now();
            if (command.outcome() == Countersignature.RETURN) {
                String comment = requiredText("comment", command.comment(), MAX_TEXT);
                Application moved = applications.transition(id, Transition.RETURN_TO_REVIEW, version, comment);
                store.insert(new Decision(
                        UUID.randomUUID(),
                        id,
                        Decision.Kind.PROPOSAL_RETURNED,
                        user.username(),
                        user.displayName(),
                        now,
                        null,
                        comment,
                        null,
                        null,
                        null));
                store.update(copy(c, moved.state()).build(), now);
                return null;
            }
            // A re-screening after the proposal may have found a party on a new list release.
            ScreeningClearance clearance = screening.clearance(id);
            if (clearance.blocksApproval()) {
                throw ReviewProblem.screeningHitsOpen(clearance);
            }
            String comment = command.comment() == null || command.comment().isBlank()
                    ? null
                    : requiredText("comment", command.comment(), MAX_TEXT);
            Application moved = applications.transition(
                    id, Transition.APPROVE, version, comment == null ? "countersigned" : comment);
            ApprovalTerms terms = proposal.terms() == null ? ApprovalTerms.AS_APPLIED : proposal.terms();
            Licence licence = licences.issue(licenceFor(moved, c, terms));
            store.insert(new Decision(
                    UUID.randomUUID(),
                    id,
                    Decision.Kind.COUNTERSIGNED,
                    user.username(),
                    user.displayName(),
                    now,
                    null,
                    comment,
                    null,
                    null,
                    licence.number().value()));
            close(copy(c, moved.state()).build(), moved.state());
            events.publishEvent(new ApplicationDecided(
                    id,
                    app.reference(),
                    app.applicant(),
                    c.authority(),
                    ApplicationDecided.Outcome.APPROVED,
                    null,
                    null,
                    licence.number(),
                    now));
            return null;
        });
        return caseFile(id);
    }

    // ---- rules ------------------------------------------------------------------------------------------------------

    /** What the caller may do on the case now; mirrors the checks of the acts. */
    private final class Permissions {
        private final CaseFile.Permissions value;

        Permissions(Application app, ReviewCase c, CurrentUser user) {
            boolean staff = isCompetentStaff(c, user) && c.open();
            boolean reviewer = staff && user.has(Role.REVIEWER);
            boolean supervisor = staff && user.has(Role.SUPERVISOR);
            ApplicationState s = app.state();
            boolean inReview = s == ApplicationState.IN_REVIEW;
            boolean consulted = store.consultations(c.application()).stream()
                    .anyMatch(k -> k.isOpen()
                            && k.consulted().equals(user.organisationId())
                            && (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR) || user.has(Role.ENFORCEMENT)));
            Decision pending = s == ApplicationState.APPROVAL_PROPOSED
                    ? pendingProposal(c, store.decisions(c.application()))
                    : null;
            this.value = new CaseFile.Permissions(
                    reviewer
                            && (c.assignee() == null
                                    || (supervisor && !c.assignee().equals(user.username()))),
                    supervisor,
                    staff,
                    reviewer && inReview,
                    applications.isApplicant(app, user) && s == ApplicationState.INFORMATION_REQUESTED,
                    reviewer && (inReview || s == ApplicationState.INFORMATION_REQUESTED),
                    consulted,
                    (reviewer && inReview) || (supervisor && (inReview || s == ApplicationState.APPROVAL_PROPOSED)),
                    supervisor && pending != null && !pending.actor().equals(user.username()));
        }

        CaseFile.Permissions all() {
            return value;
        }
    }

    private static @Nullable Decision pendingProposal(ReviewCase c, List<Decision> decisions) {
        if (c.state() != ApplicationState.APPROVAL_PROPOSED || decisions.isEmpty()) {
            return null;
        }
        Decision last = decisions.getLast();
        return last.kind() == Decision.Kind.APPROVAL_PROPOSED ? last : null;
    }

    private List<RequestedItem> requestedItems(
            Application app, @Nullable List<ReviewCommands.Ask> raw, List<ReviewProblem.FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add(new ReviewProblem.FieldError("items", "name at least one thing you ask for"));
            return List.of();
        }
        if (raw.size() > MAX_REQUESTED_ITEMS) {
            errors.add(new ReviewProblem.FieldError("items", "at most " + MAX_REQUESTED_ITEMS + " things at once"));
            return List.of();
        }
        Set<String> targets = new HashSet<>();
        app.content().parties().forEach(p -> targets.add(p.id().toString()));
        app.content().items().forEach(i -> targets.add(i.id().toString()));
        List<RequestedItem> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            ReviewCommands.Ask r = raw.get(i);
            String at = "items[" + i + "]";
            if (r == null) {
                errors.add(new ReviewProblem.FieldError(at, "is empty"));
                continue;
            }
            String question = text(at + ".question", r.question(), 2000, true, errors);
            if (r.kind() == null) {
                errors.add(new ReviewProblem.FieldError(
                        at + ".kind", "is required: DOCUMENT, CLARIFICATION or CORRECTION"));
            } else if (r.kind() == RequestedItem.Kind.DOCUMENT && r.documentType() == null) {
                errors.add(
                        new ReviewProblem.FieldError(at + ".documentType", "is required when asking for a document"));
            }
            String target = r.target() == null || r.target().isBlank()
                    ? null
                    : r.target().strip();
            if (target != null && !targets.contains(target)) {
                errors.add(new ReviewProblem.FieldError(
                        at + ".target", "'" + target + "' is no party or item of application " + app.reference()));
            }
            items.add(new RequestedItem(
                    i + 1,
                    r.kind() == null ? RequestedItem.Kind.CLARIFICATION : r.kind(),
                    r.documentType(),
                    target,
                    question == null ? "" : question));
        }
        return items;
    }

    private List<Answer> answers(ApplicationId id, InformationRequest request, @Nullable List<Answer> raw) {
        List<ReviewProblem.FieldError> errors = new ArrayList<>();
        Map<Integer, Answer> byNo = new HashMap<>();
        List<Answer> given = raw == null ? List.of() : raw;
        Map<UUID, EvidenceOnFile> onFile = new HashMap<>();
        evidence.onFile(id).forEach(e -> onFile.put(e.id().value(), e));
        for (int i = 0; i < given.size(); i++) {
            Answer a = given.get(i);
            String at = "answers[" + i + "]";
            if (a == null) {
                errors.add(new ReviewProblem.FieldError(at, "is empty"));
                continue;
            }
            if (a.no() < 1 || a.no() > request.items().size()) {
                errors.add(new ReviewProblem.FieldError(
                        at + ".no",
                        "request #" + request.number() + " has items 1 to "
                                + request.items().size()));
                continue;
            }
            if (byNo.containsKey(a.no())) {
                errors.add(new ReviewProblem.FieldError(at + ".no", "item " + a.no() + " is answered twice"));
                continue;
            }
            String text = text(at + ".text", a.text(), MAX_TEXT, false, errors);
            RequestedItem asked = request.items().get(a.no() - 1);
            for (UUID doc : a.documentIds()) {
                EvidenceOnFile e = onFile.get(doc);
                if (e == null) {
                    errors.add(new ReviewProblem.FieldError(
                            at + ".documentIds", doc + " is no document on file for this application"));
                } else if (asked.kind() == RequestedItem.Kind.DOCUMENT
                        && asked.documentType() != null
                        && e.type() != asked.documentType()) {
                    errors.add(new ReviewProblem.FieldError(
                            at + ".documentIds",
                            "document '" + e.filename() + "' is a " + e.type() + ", item " + a.no() + " asks for a "
                                    + asked.documentType()));
                }
            }
            if (asked.kind() == RequestedItem.Kind.DOCUMENT && a.documentIds().isEmpty()) {
                errors.add(new ReviewProblem.FieldError(
                        at + ".documentIds",
                        "item " + a.no() + " asks for a " + asked.documentType() + " document: upload it and name it"));
            } else if (text == null && a.documentIds().isEmpty()) {
                errors.add(new ReviewProblem.FieldError(at + ".text", "answer item " + a.no() + " with a text"));
            }
            byNo.put(a.no(), new Answer(a.no(), text, a.documentIds()));
        }
        for (RequestedItem asked : request.items()) {
            if (!byNo.containsKey(asked.no())
                    && errors.stream().noneMatch(e -> e.field().startsWith("answers"))) {
                errors.add(new ReviewProblem.FieldError(
                        "answers", "item " + asked.no() + " (" + asked.question() + ") is not answered"));
            }
        }
        if (!errors.isEmpty()) {
            throw ReviewProblem.invalid(errors);
        }
        return new ArrayList<>(new java.util.TreeMap<>(byNo).values());
    }

    private ApprovalTerms terms(Application app, @Nullable ApprovalTerms raw, List<ReviewProblem.FieldError> errors) {
        if (raw == null) {
            return ApprovalTerms.AS_APPLIED;
        }
        if (raw.conditions().size() > MAX_CONDITIONS) {
            errors.add(new ReviewProblem.FieldError("terms.conditions", "at most " + MAX_CONDITIONS + " conditions"));
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < raw.conditions().size(); i++) {
            String c = text("terms.conditions[" + i + "]", raw.conditions().get(i), 500, true, errors);
            if (c != null) {
                conditions.add(c);
            }
        }
        LocalDate day = today.today();
        if (raw.validFrom() != null
                && (raw.validFrom().isBefore(day) || raw.validFrom().isAfter(day.plusYears(1)))) {
            errors.add(new ReviewProblem.FieldError("terms.validFrom", "must be between today and one year ahead"));
        }
        LocalDate from = raw.validFrom() == null ? day : raw.validFrom();
        if (raw.validTo() != null
                && (!raw.validTo().isAfter(from) || raw.validTo().isAfter(from.plusYears(3)))) {
            errors.add(new ReviewProblem.FieldError(
                    "terms.validTo", "must be after validFrom (" + from + ") and at most three years later"));
        }
        List<Item> items = app.content().items();
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < raw.quantities().size(); i++) {
            var q = raw.quantities().get(i);
            String at = "terms.quantities[" + i + "]";
            if (q == null || q.itemNo() < 1 || q.itemNo() > items.size()) {
                errors.add(
                        new ReviewProblem.FieldError(at + ".itemNo", "the application has items 1 to " + items.size()));
                continue;
            }
            if (!seen.add(q.itemNo())) {
                errors.add(new ReviewProblem.FieldError(at + ".itemNo", "item " + q.itemNo() + " is named twice"));
            }
            Item item = items.get(q.itemNo() - 1);
            if (q.quantity() == null || q.quantity().signum() <= 0) {
                errors.add(new ReviewProblem.FieldError(at + ".quantity", "must be greater than 0"));
            } else if (q.quantity().compareTo(item.quantity()) > 0) {
                errors.add(new ReviewProblem.FieldError(
                        at + ".quantity",
                        "exceeds the " + item.quantity().toPlainString() + " "
                                + item.unit().symbol() + " applied for"));
            }
        }
        return new ApprovalTerms(conditions, raw.validFrom(), raw.validTo(), raw.quantities());
    }

    private IssueLicence licenceFor(Application app, ReviewCase c, ApprovalTerms terms) {
        Map<Integer, BigDecimal> licensed = new HashMap<>();
        terms.quantities().forEach(q -> licensed.put(q.itemNo(), q.quantity()));
        List<IssueLicence.Line> lines = new ArrayList<>();
        List<Item> items = app.content().items();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            lines.add(new IssueLicence.Line(
                    i + 1,
                    item.controlNumber(),
                    item.controlEntry(),
                    item.description(),
                    licensed.getOrDefault(i + 1, item.quantity()),
                    item.unit().symbol(),
                    item.unitValue(),
                    item.currency()));
        }
        Party consignee = party(app, PartyRole.CONSIGNEE)
                .orElseThrow(() -> ReviewProblem.conflict(
                        "Application " + app.reference() + " names no consignee; it cannot be licensed."));
        Party endUser = party(app, PartyRole.END_USER).orElse(consignee);
        return new IssueLicence(
                app.id(),
                app.reference(),
                app.applicant(),
                c.authority(),
                licenceParty(consignee),
                licenceParty(endUser),
                lines,
                terms.conditions(),
                terms.validFrom(),
                terms.validTo(),
                LicenceType.SINGLE);
    }

    private static Optional<Party> party(Application app, PartyRole role) {
        return app.content().parties().stream().filter(p -> p.role() == role).findFirst();
    }

    private static LicenceParty licenceParty(Party p) {
        return new LicenceParty(p.nameLatin(), p.nameOriginal(), CountryCode.of(p.country()));
    }

    // ---- case bookkeeping -------------------------------------------------------------------------------------------

    /** The case with its clock columns recomputed from its pauses as of {@code day}. */
    private ReviewCase reclock(ReviewCase c, LocalDate day) {
        List<Pause> pauses = store.pauses(c.application());
        ClockReading r = clock.read(c.clockStartedOn(), pauses, day);
        boolean paused = pauses.stream().anyMatch(Pause::isOpen);
        return copy(c, c.state())
                .clock(paused, paused ? c.clockDeadline() : r.deadline(), r.limit() - r.daysUsed())
                .build();
    }

    private void close(ReviewCase c, ApplicationState state) {
        LocalDate day = today.today();
        store.endAllPauses(c.application(), day);
        store.closeOpenRequests(c.application());
        ReviewCase closed = reclock(copy(c, state).build(), day);
        store.update(copy(closed, state).closed(day).informationDue(null).build(), now());
    }

    private static List<String> destinations(Application app) {
        return app.content().parties().stream()
                .filter(p -> p.role() == PartyRole.CONSIGNEE || p.role() == PartyRole.END_USER)
                .map(p -> p.country().toUpperCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toList();
    }

    private static List<String> elements(Application app) {
        return app.content().items().stream()
                .flatMap(i -> i.elements().entrySet().stream())
                .filter(e -> e.getValue().signum() > 0)
                .map(Map.Entry::getKey)
                .distinct()
                .sorted()
                .toList();
    }

    private static ReviewCase withoutAssignee(ReviewCase c) {
        return copy(c, c.state()).assignee(null, null, null).build();
    }

    private static Decision withoutInternalNote(Decision d) {
        return new Decision(
                d.id(),
                d.application(),
                d.kind(),
                d.actor(),
                d.actorName(),
                d.at(),
                d.reason(),
                d.text(),
                null,
                d.terms(),
                d.licenceNumber());
    }

    private static CaseBuilder copy(ReviewCase c, ApplicationState state) {
        return new CaseBuilder(c, state);
    }

    /** Changes a few columns of a case and keeps the rest. */
    private static final class CaseBuilder {
        private final ReviewCase c;
        private ApplicationState state;
        private boolean open;
        private List<String> destinations;
        private List<String> elements;
        private @Nullable String assignee;
        private @Nullable String assigneeName;
        private @Nullable Instant assignedAt;
        private boolean paused;
        private LocalDate deadline;
        private int balance;
        private @Nullable LocalDate stopped;
        private @Nullable LocalDate infoDue;

        CaseBuilder(ReviewCase c, ApplicationState state) {
            this.c = c;
            this.state = state;
            this.open = c.open() && OPEN_STATES.contains(state);
            this.destinations = c.destinations();
            this.elements = c.elements();
            this.assignee = c.assignee();
            this.assigneeName = c.assigneeName();
            this.assignedAt = c.assignedAt();
            this.paused = c.clockPaused();
            this.deadline = c.clockDeadline();
            this.balance = c.clockBalance();
            this.stopped = c.clockStoppedOn();
            this.infoDue = c.informationDueOn();
        }

        CaseBuilder assignee(@Nullable String username, @Nullable String name, @Nullable Instant at) {
            this.assignee = username;
            this.assigneeName = name;
            this.assignedAt = at;
            return this;
        }

        CaseBuilder clock(boolean paused, LocalDate deadline, int balance) {
            this.paused = paused;
            this.deadline = deadline;
            this.balance = balance;
            return this;
        }

        CaseBuilder informationDue(@Nullable LocalDate due) {
            this.infoDue = due;
            return this;
        }

        CaseBuilder content(List<String> destinations, List<String> elements) {
            this.destinations = destinations;
            this.elements = elements;
            return this;
        }

        CaseBuilder closed(LocalDate on) {
            this.open = false;
            this.stopped = on;
            this.paused = false;
            return this;
        }

        ReviewCase build() {
            return new ReviewCase(
                    c.application(),
                    c.authority(),
                    c.reference(),
                    c.applicantName(),
                    state,
                    open,
                    destinations,
                    elements,
                    c.submittedAt(),
                    c.submittedOn(),
                    assignee,
                    assigneeName,
                    assignedAt,
                    c.clockStartedOn(),
                    paused,
                    deadline,
                    balance,
                    stopped,
                    infoDue);
        }
    }

    // ---- who may
    // -----------------------------------------------------------------------------------------------------

    private Application lockReadable(ApplicationId id, CurrentUser user) {
        applications.get(id);
        return applications.lock(id);
    }

    private ReviewCase requireCase(Application app) {
        return store.find(app.id())
                .orElseThrow(() -> ReviewProblem.conflict("Application " + app.reference() + " is " + app.state()
                        + ": it has not been submitted for review."));
    }

    private static boolean isCompetentStaff(ReviewCase c, CurrentUser user) {
        return user.organisationId().equals(c.authority()) && (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR));
    }

    private static boolean isNationalOversight(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && (user.has(Role.ENFORCEMENT) || user.has(Role.AUDITOR));
    }

    private static boolean isApplicantSide(Application app, CurrentUser user) {
        return user.organisationId().equals(app.applicant()) || user.organisationKind() != OrganisationKind.AUTHORITY;
    }

    private static void requireCompetentStaff(ReviewCase c, CurrentUser user) {
        if (!isCompetentStaff(c, user)) {
            throw ReviewProblem.forbidden(
                    "Only REVIEWERs and SUPERVISORs of the reviewing authority can act on case " + c.reference() + ".");
        }
    }

    private static void requireRole(CurrentUser user, Role role, String act) {
        if (!user.has(role)) {
            throw ReviewProblem.forbidden("Only a " + role + " can " + act + ".");
        }
    }

    private static void requireOpen(ReviewCase c) {
        if (!c.open()) {
            throw ReviewProblem.conflict("Case " + c.reference() + " is " + c.state() + " and closed.");
        }
    }

    private Optional<OrganisationProfile> authority(String raw) {
        try {
            return identity.organisation(OrganisationId.of(raw.strip()))
                    .filter(o -> o.kind() == OrganisationKind.AUTHORITY);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private LocalDate lastWorkingDayUpTo(LocalDate day) {
        LocalDate d = day;
        while (!clock.calendar().isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static long requireVersion(@Nullable Long version) {
        if (version == null) {
            throw ReviewProblem.versionRequired();
        }
        return version;
    }

    private static String reasons() {
        return String.join(
                ", ",
                java.util.Arrays.stream(RefusalReason.values()).map(Enum::name).toList());
    }

    private static String requiredText(String field, @Nullable String raw, int max) {
        List<ReviewProblem.FieldError> errors = new ArrayList<>();
        String text = text(field, raw, max, true, errors);
        if (!errors.isEmpty() || text == null) {
            throw ReviewProblem.invalid(errors);
        }
        return text;
    }

    /** The stripped text, or null when absent and optional; control characters other than newlines are refused. */
    private static @Nullable String text(
            String field, @Nullable String raw, int max, boolean required, List<ReviewProblem.FieldError> errors) {
        String s = raw == null ? null : raw.strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                errors.add(new ReviewProblem.FieldError(field, "is required"));
            }
            return null;
        }
        if (s.length() > max) {
            errors.add(new ReviewProblem.FieldError(field, "is longer than " + max + " characters"));
        }
        if (s.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) {
            errors.add(new ReviewProblem.FieldError(field, "contains control characters"));
        }
        return s;
    }

    private CurrentUser user() {
        return identity.currentUser()
                .orElseThrow(() -> ReviewProblem.forbidden("Sign in to work on licence applications."));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    private Instant now() {
        return wallClock.instant();
    }
}
