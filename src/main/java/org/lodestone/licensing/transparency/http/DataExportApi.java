package org.lodestone.licensing.transparency.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.transparency.DataExports;
import org.lodestone.licensing.transparency.ExportRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk exports of sensitive data over HTTP (#6); not to be confused with export shipments
 * ({@code /api/v1/traceability/exports}). The rules are {@link DataExports}'.
 */
@RestController
@Tag(
        name = "Data exports",
        description = "Bulk exports of sensitive application data (CSV) by authority staff: requested with a reason, "
                + "approved or refused by a supervisor who is not the requester, downloaded once by the requester "
                + "within 48 hours of the approval. Every step is audited.")
class DataExportApi {

    private final DataExports exports;
    private final Identity identity;

    DataExportApi(DataExports exports, Identity identity) {
        this.exports = exports;
        this.identity = identity;
    }

    record NewRequest(
            @Nullable String reason,
            @Nullable String from,
            @Nullable String to) {}

    record DecisionInput(
            @Nullable String decision, @Nullable String reason) {}

    @PostMapping(
            path = "/api/v1/data-exports",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Request an export",
            description = "Scope: the applications routed to your authority and submitted from `from` to `to` "
                    + "(ISO 8601 dates, inclusive, at most 366 days), with parties, end use, production and business "
                    + "relationship. `reason` is required. The request is PENDING until a supervisor decides it.")
    @ApiResponse(responseCode = "201", description = "Requested (PENDING)")
    @ApiResponse(responseCode = "422", description = "Missing reason or invalid dates; `errors` names the field")
    ResponseEntity<ExportRequest> request(@RequestBody NewRequest body) {
        ExportRequest created = exports.request(user(), body.reason(), body.from(), body.to());
        return ResponseEntity.created(URI.create("/api/v1/data-exports/" + created.id()))
                .body(created);
    }

    @GetMapping(path = "/api/v1/data-exports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export requests: a supervisor sees all of the authority's, others their own")
    List<ExportRequest> list() {
        return exports.list(user());
    }

    @GetMapping(path = "/api/v1/data-exports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "404", description = "No such request, or not yours to see")
    ExportRequest one(@PathVariable UUID id) {
        return exports.get(id, user());
    }

    @PostMapping(
            path = "/api/v1/data-exports/{id}/decision",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Approve or refuse an export request",
            description = "`decision`: APPROVED or REFUSED; `reason` required. A SUPERVISOR of the authority who is "
                    + "not the requester.")
    @ApiResponse(responseCode = "200", description = "Decided")
    @ApiResponse(responseCode = "403", description = "Your own request (`export-approval-by-requester`)")
    @ApiResponse(responseCode = "404", description = "No such request, or another authority's")
    @ApiResponse(responseCode = "409", description = "Already decided")
    @ApiResponse(responseCode = "422", description = "Missing decision or reason")
    ExportRequest decide(@PathVariable UUID id, @RequestBody DecisionInput body) {
        return exports.decide(id, user(), body.decision(), body.reason());
    }

    @GetMapping("/api/v1/data-exports/{id}/content")
    @Operation(summary = "Download an approved export (CSV), once, by its requester, within 48 hours of the approval")
    @ApiResponse(responseCode = "200", description = "The CSV")
    @ApiResponse(responseCode = "403", description = "Not the requester")
    @ApiResponse(
            responseCode = "409",
            description = "Not approved (yet), refused, expired or already downloaded; the problem type says which")
    ResponseEntity<InputStreamResource> content(@PathVariable UUID id) {
        return csv(exports.download(id, user()));
    }

    /** The CSV response, shared with the page. */
    static ResponseEntity<InputStreamResource> csv(DataExports.Download download) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .contentLength(download.length())
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.filename())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.content()));
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }
}
