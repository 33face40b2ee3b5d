package org.lodestone.licensing.review.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.ApplicationState;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.application.http.IfMatch;
import org.lodestone.licensing.review.CaseFile;
import org.lodestone.licensing.review.Consultation;
import org.lodestone.licensing.review.Decision;
import org.lodestone.licensing.review.InformationRequest;
import org.lodestone.licensing.review.Note;
import org.lodestone.licensing.review.QueueFilter;
import org.lodestone.licensing.review.QueuePage;
import org.lodestone.licensing.review.ReviewCommands;
import org.lodestone.licensing.review.ReviewProblem;
import org.lodestone.licensing.review.Reviews;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review workflow over HTTP: the authority's queue, and per application its assignment, internal notes,
 * information requests and answers, consultations, decision and countersignature. Who may act is decided in
 * {@link Reviews}; what a caller may not see is a 404, what he may see but not do a 403, a case that moved on a 409.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Review", description = "Review of submitted applications by the competent authority")
class ReviewApi {

    private final Reviews reviews;
    private final Applications applications;

    ReviewApi(Reviews reviews, Applications applications) {
        this.reviews = reviews;
        this.applications = applications;
    }

    @GetMapping("/api/v1/review/queue")
    @Operation(
            summary = "The review queue of your authority",
            description = "Open cases routed to the caller's authority, most urgent first (running clocks by deadline,"
                    + " then paused ones). Each line carries the statutory clock: days used and left, and the overdue"
                    + " flag.")
    @ApiResponse(responseCode = "422", description = "A filter is invalid; `errors` names it")
    CaseResponse.Queue queue(
            @Parameter(
                            description = "States to include (repeatable): SUBMITTED, IN_REVIEW, INFORMATION_REQUESTED,"
                                    + " APPROVAL_PROPOSED; default all open ones")
                    @RequestParam(required = false)
                    @Nullable
                    List<String> state,
            @Parameter(description = "Element symbol named in an item, e.g. Dy")
                    @RequestParam(required = false)
                    @Nullable
                    String element,
            @Parameter(description = "Country (ISO 3166 alpha-2) of the consignee or an end user")
                    @RequestParam(required = false)
                    @Nullable
                    String destination,
            @Parameter(description = "Submitted at least this many calendar days ago")
                    @RequestParam(required = false)
                    @Nullable
                    Integer minAgeDays,
            @Parameter(description = "At most this many working days left") @RequestParam(required = false) @Nullable
                    Integer maxDaysLeft,
            @Parameter(description = "Only cases past the statutory deadline") @RequestParam(defaultValue = "false")
                    boolean overdue,
            @Parameter(description = "me, none, or a username") @RequestParam(required = false) @Nullable
                    String assignee,
            @Parameter(description = "Part of the reference or the applicant's name")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "deadline (default) or age") @RequestParam(defaultValue = "deadline") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        QueuePage result = reviews.queue(new QueueFilter(
                states(state),
                element,
                destination,
                minAgeDays,
                maxDaysLeft,
                overdue,
                assignee,
                q,
                sort(sort),
                page,
                size));
        return new CaseResponse.Queue(
                result.entries().stream().map(CaseResponse.QueueLine::of).toList(),
                result.page(),
                result.size(),
                result.total());
    }

    @GetMapping("/api/v1/applications/{id}/review")
    @Operation(
            summary = "The review of an application",
            description = "Clock, information requests and decisions; for the authority also assignment, internal"
                    + " notes, consultations and a pending proposal. `mayAct` lists what the caller may do now.")
    @ApiResponse(responseCode = "404", description = "Unknown, not yours to see, or not submitted yet")
    CaseResponse review(@PathVariable String id) {
        return response(reviews.caseFile(ApplicationId.of(id)));
    }

    // ---- assignment -------------------------------------------------------------------------------------------------

    record AssignmentRequest(@Nullable String assignee) {}

    @GetMapping("/api/v1/applications/{id}/assignment")
    @Operation(summary = "Who has the case")
    ResponseEntity<CaseResponse.Assignee> assignment(@PathVariable String id) {
        CaseFile file = reviews.caseFile(ApplicationId.of(id));
        if (!file.internal()) {
            throw ReviewProblem.forbidden("Assignment is internal to the reviewing authority.");
        }
        CaseResponse.Assignee a = CaseResponse.assignee(file.reviewCase());
        return a == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(a);
    }

    @PutMapping(path = "/api/v1/applications/{id}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Assign, take or release the case",
            description = "A REVIEWER takes an unassigned case (assignee = own username) or releases his own (null); a"
                    + " SUPERVISOR assigns to any REVIEWER of the authority. Taking up a SUBMITTED case moves it to"
                    + " IN_REVIEW.")
    @ApiResponse(responseCode = "409", description = "Already assigned to someone else, or the case is closed")
    CaseResponse assign(@PathVariable String id, @RequestBody AssignmentRequest body) {
        return response(reviews.assign(ApplicationId.of(id), body.assignee()));
    }

    // ---- notes ------------------------------------------------------------------------------------------------------

    record NoteRequest(@Nullable String body) {}

    @GetMapping("/api/v1/applications/{id}/notes")
    @Operation(summary = "Internal notes of the authority (never shown to applicants)")
    List<Note> notes(@PathVariable String id) {
        return reviews.notes(ApplicationId.of(id));
    }

    @PostMapping(path = "/api/v1/applications/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an internal note")
    ResponseEntity<Note> addNote(@PathVariable String id, @RequestBody NoteRequest body) {
        Note note = reviews.addNote(ApplicationId.of(id), body.body());
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/notes"))
                .body(note);
    }

    // ---- information requests ---------------------------------------------------------------------------------------

    @GetMapping("/api/v1/applications/{id}/information-requests")
    @Operation(summary = "Information requests of the case, with their answers")
    List<InformationRequest> informationRequests(@PathVariable String id) {
        return reviews.informationRequests(ApplicationId.of(id));
    }

    @GetMapping("/api/v1/applications/{id}/information-requests/{rid}")
    @Operation(summary = "One information request")
    InformationRequest informationRequest(@PathVariable String id, @PathVariable String rid) {
        return reviews.informationRequest(ApplicationId.of(id), uuid("rid", rid));
    }

    @PostMapping(path = "/api/v1/applications/{id}/information-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ask the applicant for information",
            description = "A structured list of what is asked (DOCUMENT of a type, CLARIFICATION, CORRECTION; each may"
                    + " name a party or item) and a due date (default: 20 working days). The application becomes"
                    + " INFORMATION_REQUESTED and editable by the applicant; the statutory clock stops. Quote the"
                    + " application's version.")
    @ApiResponse(responseCode = "201", description = "The request")
    @ApiResponse(responseCode = "409", description = "The case is not IN_REVIEW, or the version is stale")
    ResponseEntity<InformationRequest> requestInformation(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ReviewCommands.RequestInformation body) {
        var command = new ReviewCommands.RequestInformation(
                version(ifMatch, body.version()), body.message(), body.items(), body.dueOn());
        InformationRequest request = reviews.requestInformation(ApplicationId.of(id), command);
        return ResponseEntity.created(
                        URI.create("/api/v1/applications/" + id + "/information-requests/" + request.id()))
                .body(request);
    }

    @PostMapping(
            path = "/api/v1/applications/{id}/information-requests/{rid}/response",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Answer an information request",
            description = "An answer per requested item (text, and the ids of documents uploaded meanwhile). The"
                    + " application must be complete; it is frozen as a new revision and goes back IN_REVIEW, and the"
                    + " clock runs again. Quote the application's version.")
    @ApiResponse(responseCode = "409", description = "Already answered, or the version is stale")
    @ApiResponse(responseCode = "422", description = "An item is unanswered or a document does not fit; or incomplete")
    InformationRequest respond(
            @PathVariable String id,
            @PathVariable String rid,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ReviewCommands.Respond body) {
        return reviews.respond(
                ApplicationId.of(id),
                uuid("rid", rid),
                new ReviewCommands.Respond(version(ifMatch, body.version()), body.answers()));
    }

    // ---- consultations ----------------------------------------------------------------------------------------------

    record ConsultationAnswer(@Nullable String answer) {}

    @GetMapping("/api/v1/applications/{id}/consultations")
    @Operation(summary = "Consultations of other authorities on the case (internal to the authorities)")
    List<Consultation> consultations(@PathVariable String id) {
        return reviews.consultations(ApplicationId.of(id));
    }

    @PostMapping(path = "/api/v1/applications/{id}/consultations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Consult another authority",
            description = "The consulted authority may read the case until it is closed and answers; while the"
                    + " consultation is open the clock stops unless pausesClock is false.")
    ResponseEntity<Consultation> consult(@PathVariable String id, @RequestBody ReviewCommands.Consult body) {
        Consultation c = reviews.consult(ApplicationId.of(id), body);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/consultations"))
                .body(c);
    }

    @PostMapping(
            path = "/api/v1/applications/{id}/consultations/{cid}/answer",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer a consultation (the consulted authority)")
    Consultation answerConsultation(
            @PathVariable String id, @PathVariable String cid, @RequestBody ConsultationAnswer body) {
        return reviews.answerConsultation(ApplicationId.of(id), uuid("cid", cid), body.answer());
    }

    // ---- decisions --------------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/applications/{id}/decisions")
    @Operation(summary = "Decisions taken on the case, in order")
    List<Decision> decisions(@PathVariable String id) {
        return reviews.decisions(ApplicationId.of(id));
    }

    @PostMapping(path = "/api/v1/applications/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Propose approval, or refuse",
            description = "outcome PROPOSE_APPROVAL (REVIEWER; optional terms: conditions, validity, licensed"
                    + " quantities per item) or REFUSE (reasonCode one of INSUFFICIENT_END_USER_EVIDENCE,"
                    + " END_USE_CONCERN, RESTRICTED_PARTY, INCONSISTENT_INFORMATION, NATIONAL_SECURITY, and a text"
                    + " the applicant reads). Quote the application's version: of two reviewers deciding at once, one"
                    + " gets a 409.")
    @ApiResponse(responseCode = "409", description = "The case moved on, or the version is stale")
    @ApiResponse(responseCode = "428", description = "No version quoted")
    CaseResponse decide(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ReviewCommands.Decide body) {
        var command = new ReviewCommands.Decide(
                version(ifMatch, body.version()),
                body.outcome(),
                body.reasonCode(),
                body.text(),
                body.internalNote(),
                body.terms());
        return response(reviews.decide(ApplicationId.of(id), command));
    }

    @PostMapping(path = "/api/v1/applications/{id}/countersignature", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Countersign the proposal to approve, or return it",
            description = "A SUPERVISOR other than the proposer. COUNTERSIGN approves the application and issues the"
                    + " licence from the proposal's terms; RETURN sends it back to review with a comment.")
    @ApiResponse(responseCode = "403", description = "Not a SUPERVISOR, or the proposer himself (four-eyes rule)")
    @ApiResponse(responseCode = "409", description = "No proposal awaiting countersignature, or the version is stale")
    CaseResponse countersign(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ReviewCommands.Countersign body) {
        return response(reviews.countersign(
                ApplicationId.of(id),
                new ReviewCommands.Countersign(version(ifMatch, body.version()), body.outcome(), body.comment())));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private CaseResponse response(CaseFile file) {
        long version = applications.get(file.reviewCase().application()).version();
        return CaseResponse.of(file, version);
    }

    private static Set<ApplicationState> states(@Nullable List<String> raw) {
        Set<ApplicationState> states = EnumSet.noneOf(ApplicationState.class);
        if (raw == null) {
            return states;
        }
        for (String s : raw) {
            for (String part : s.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    states.add(ApplicationState.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ReviewProblem.invalid("state", "'" + part.strip() + "' is no application state");
                }
            }
        }
        return states;
    }

    private static QueueFilter.Sort sort(String raw) {
        try {
            return QueueFilter.Sort.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ReviewProblem.invalid("sort", "'" + raw + "' is neither deadline nor age");
        }
    }

    private static UUID uuid(String field, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ReviewProblem.notFound("No " + field + " " + raw + ".");
        }
    }

    private static @Nullable Long version(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        return IfMatch.version(ifMatch, bodyVersion);
    }
}
