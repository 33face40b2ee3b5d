package org.lodestone.licensing.application.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationDraft;
import org.lodestone.licensing.application.ApplicationPage;
import org.lodestone.licensing.application.ApplicationProblem;
import org.lodestone.licensing.application.Applications;
import org.lodestone.licensing.application.Completeness;
import org.lodestone.licensing.application.FieldChange;
import org.lodestone.licensing.application.Item;
import org.lodestone.licensing.application.ItemDraft;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyDraft;
import org.lodestone.licensing.application.Revision;
import org.lodestone.licensing.application.Snapshots;
import org.lodestone.licensing.application.StateChange;
import org.lodestone.licensing.application.SubmissionOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Licence applications over HTTP. Writes need the APPLICANT role (endpoint policy) and the applicant's organisation
 * (checked in {@link Applications}); reads follow need-to-know, and what a caller may not see is a 404. Changes quote
 * the version they were based on ({@code If-Match}, or {@code version} in the body); a stale one is a 409.
 */
@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications", description = "Licence applications: drafts, parties, items, completeness, submission")
class ApplicationsApi {

    private final Applications applications;
    private final JsonMapper json;

    ApplicationsApi(Applications applications, JsonMapper json) {
        this.applications = applications;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a draft application",
            description =
                    "The caller's organisation (an EXPORTER) becomes the applicant; all sections may still be empty.")
    @ApiResponse(responseCode = "201", description = "The new draft, with its reference (LA-yyyy-nnnnnn)")
    @ApiResponse(responseCode = "403", description = "Caller is not an APPLICANT of an EXPORTER organisation")
    @ApiResponse(responseCode = "422", description = "A field is invalid; `errors` names each field")
    ResponseEntity<ApplicationResponse> create(@RequestBody(required = false) @Nullable ApplicationDraft draft) {
        Application app =
                applications.create(draft == null ? new ApplicationDraft(null, null, null, null, null, null) : draft);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + app.id()))
                .eTag(etag(app))
                .body(ApplicationResponse.of(app));
    }

    @GetMapping
    @Operation(
            summary = "List the applications you may see",
            description =
                    "Applicants: their organisation's. Reviewers and supervisors: those routed to their authority."
                            + " National enforcement and auditors: submitted applications of exporters in their country.")
    PageResponse list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(applications.list(page, size));
    }

    record Listed(
            String id,
            String reference,
            String state,
            String applicantName,
            @Nullable String consigneeName,
            @Nullable String consigneeCountry,
            int items,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant submittedAt) {}

    record PageResponse(List<Listed> content, int page, int size, long total) {

        static PageResponse of(ApplicationPage p) {
            return new PageResponse(
                    p.content().stream()
                            .map(l -> new Listed(
                                    l.id().toString(),
                                    l.reference(),
                                    l.state().name(),
                                    l.applicantName(),
                                    l.consigneeName(),
                                    l.consigneeCountry(),
                                    l.items(),
                                    l.createdAt(),
                                    l.updatedAt(),
                                    l.submittedAt()))
                            .toList(),
                    p.page(),
                    p.size(),
                    p.total());
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an application")
    @ApiResponse(responseCode = "404", description = "Unknown, or not yours to see")
    ResponseEntity<ApplicationResponse> get(@PathVariable String id) {
        Application app = applications.get(ApplicationId.of(id));
        return ResponseEntity.ok().eTag(etag(app)).body(ApplicationResponse.of(app));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Update the application's sections",
            description =
                    "Replaces consignee organisation, end use, production, business relationship and declarations."
                            + " Only in DRAFT (or while answering an information request). Quote the version in If-Match or"
                            + " `version`.")
    @ApiResponse(responseCode = "409", description = "Stale version, or the application can no longer be edited")
    @ApiResponse(responseCode = "428", description = "Neither If-Match nor version given")
    ResponseEntity<ApplicationResponse> update(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ApplicationDraft draft) {
        Long version = version(ifMatch, draft.version());
        if (version == null) {
            throw ApplicationProblem.preconditionRequired(
                    "Quote the version you are changing: send If-Match: \"<version>\" or the field 'version'.");
        }
        Application app = applications.update(ApplicationId.of(id), version, draft);
        return ResponseEntity.ok().eTag(etag(app)).body(ApplicationResponse.of(app));
    }

    // ---- parties ----------------------------------------------------------------------------------------------------

    @GetMapping("/{id}/parties")
    @Operation(summary = "List the parties")
    List<Party> parties(@PathVariable String id) {
        return applications.get(ApplicationId.of(id)).content().parties();
    }

    @GetMapping("/{id}/parties/{pid}")
    @Operation(summary = "Read one party")
    Party party(@PathVariable String id, @PathVariable UUID pid) {
        Application app = applications.get(ApplicationId.of(id));
        return app.content()
                .party(pid)
                .orElseThrow(
                        () -> ApplicationProblem.notFound("Application " + app.reference() + " has no party " + pid));
    }

    @PostMapping(path = "/{id}/parties", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a party (CONSIGNEE, END_USER or INTERMEDIARY)")
    @ApiResponse(responseCode = "201", description = "The party with its id")
    @ApiResponse(responseCode = "422", description = "A field is invalid, e.g. `parties[0].country`")
    ResponseEntity<Party> addParty(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody PartyDraft draft) {
        var added = applications.addParty(ApplicationId.of(id), version(ifMatch, null), draft);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/parties/" + added.id()))
                .eTag(etag(added.application()))
                .body(added.application().content().party(added.id()).orElseThrow());
    }

    @PutMapping(path = "/{id}/parties/{pid}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a party")
    ResponseEntity<Party> updateParty(
            @PathVariable String id,
            @PathVariable UUID pid,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody PartyDraft draft) {
        Application app = applications.updateParty(ApplicationId.of(id), pid, version(ifMatch, null), draft);
        return ResponseEntity.ok().eTag(etag(app)).body(app.content().party(pid).orElseThrow());
    }

    @DeleteMapping("/{id}/parties/{pid}")
    @Operation(summary = "Remove a party")
    ResponseEntity<Void> removeParty(
            @PathVariable String id,
            @PathVariable UUID pid,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Application app = applications.removeParty(ApplicationId.of(id), pid, version(ifMatch, null));
        return ResponseEntity.noContent().eTag(etag(app)).build();
    }

    // ---- items ------------------------------------------------------------------------------------------------------

    @GetMapping("/{id}/items")
    @Operation(summary = "List the items")
    List<Item> items(@PathVariable String id) {
        return applications.get(ApplicationId.of(id)).content().items();
    }

    @GetMapping("/{id}/items/{iid}")
    @Operation(summary = "Read one item")
    Item item(@PathVariable String id, @PathVariable UUID iid) {
        Application app = applications.get(ApplicationId.of(id));
        return app.content()
                .item(iid)
                .orElseThrow(
                        () -> ApplicationProblem.notFound("Application " + app.reference() + " has no item " + iid));
    }

    @PostMapping(path = "/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Add an item",
            description = "controlEntry is a control-list entry key (dy-oxide) or control number (1C905.b) in force"
                    + " today; quantity > 0 in kg, t, g or pieces; unit value with an ISO 4217 currency; element"
                    + " content in mass % by symbol (each 0 < x <= 100, sum <= 100.5); HS code of 6 to 10 digits.")
    @ApiResponse(responseCode = "201", description = "The item with its id")
    @ApiResponse(responseCode = "422", description = "A field is invalid, e.g. `items[0].controlEntry`")
    ResponseEntity<Item> addItem(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ItemDraft draft) {
        var added = applications.addItem(ApplicationId.of(id), version(ifMatch, null), draft);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/items/" + added.id()))
                .eTag(etag(added.application()))
                .body(added.application().content().item(added.id()).orElseThrow());
    }

    @PutMapping(path = "/{id}/items/{iid}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace an item")
    ResponseEntity<Item> updateItem(
            @PathVariable String id,
            @PathVariable UUID iid,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ItemDraft draft) {
        Application app = applications.updateItem(ApplicationId.of(id), iid, version(ifMatch, null), draft);
        return ResponseEntity.ok().eTag(etag(app)).body(app.content().item(iid).orElseThrow());
    }

    @DeleteMapping("/{id}/items/{iid}")
    @Operation(summary = "Remove an item")
    ResponseEntity<Void> removeItem(
            @PathVariable String id,
            @PathVariable UUID iid,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Application app = applications.removeItem(ApplicationId.of(id), iid, version(ifMatch, null));
        return ResponseEntity.noContent().eTag(etag(app)).build();
    }

    // ---- completeness, submission, withdrawal --------------------------------------------------------------------

    @GetMapping("/{id}/completeness")
    @Operation(
            summary = "What is still missing",
            description = "Evaluates the completeness rules (licensing/completeness-rules.yaml) and structural checks.")
    Completeness completeness(@PathVariable String id) {
        return applications.completeness(ApplicationId.of(id));
    }

    @PostMapping("/{id}/submit")
    @Operation(
            summary = "Submit a complete draft",
            description = "Routes it to the competent authority (by the exporter's region, else national) and freezes"
                    + " revision 1. With an Idempotency-Key, repeating the request (even concurrently) gives the first"
                    + " answer again and submits once; the replay carries `Idempotency-Replayed: true`.")
    @ApiResponse(responseCode = "200", description = "The submitted application")
    @ApiResponse(responseCode = "409", description = "Not a DRAFT, or stale")
    @ApiResponse(responseCode = "422", description = "Incomplete: `missing` lists every missing piece")
    ResponseEntity<String> submit(
            @PathVariable String id,
            @Parameter(description = "Client-chosen key, 1 to 200 characters")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String idempotencyKey) {
        SubmissionOutcome outcome = applications.submit(
                ApplicationId.of(id), idempotencyKey, app -> json.writeValueAsString(ApplicationResponse.of(app)));
        var response = ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            response.header("Idempotency-Replayed", "true");
        }
        return response.body(outcome.body());
    }

    record WithdrawRequest(
            @Nullable String reason, @Nullable Long version) {}

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw the application (any state that is not final), with an optional reason")
    @ApiResponse(responseCode = "409", description = "Already APPROVED, REFUSED or WITHDRAWN, or stale")
    ResponseEntity<ApplicationResponse> withdraw(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable WithdrawRequest request) {
        Application app = applications.withdraw(
                ApplicationId.of(id),
                version(ifMatch, request == null ? null : request.version()),
                request == null ? null : request.reason());
        return ResponseEntity.ok().eTag(etag(app)).body(ApplicationResponse.of(app));
    }

    // ---- history and revisions ----------------------------------------------------------------------------------

    @GetMapping("/{id}/history")
    @Operation(summary = "Every state change: from, to, actor, time, reason")
    List<StateChange> history(@PathVariable String id) {
        return applications.history(ApplicationId.of(id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The revisions frozen at each submission and resubmission")
    List<Revision> versions(@PathVariable String id) {
        return applications.revisions(ApplicationId.of(id));
    }

    @GetMapping("/{id}/versions/{n}")
    @Operation(summary = "The content of one revision as it was submitted")
    JsonNode version(@PathVariable String id, @PathVariable int n) {
        return Snapshots.read(applications.revisionContent(ApplicationId.of(id), n));
    }

    @GetMapping("/{id}/versions/{n}/diff")
    @Operation(
            summary = "What changed from revision n-1 to n",
            description =
                    "Field-level: path (e.g. items[0].quantity), before, after. Revision 1 is compared to nothing.")
    List<FieldChange> diff(@PathVariable String id, @PathVariable int n) {
        return applications.diff(ApplicationId.of(id), n);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static String etag(Application app) {
        return "\"" + app.version() + "\"";
    }

    static @Nullable Long version(@Nullable String ifMatch, @Nullable Long bodyVersion) {
        return IfMatch.version(ifMatch, bodyVersion);
    }
}
