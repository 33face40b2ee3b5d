package org.lodestone.screening.lists.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.screening.lists.DiffEntry;
import org.lodestone.screening.lists.DiffKind;
import org.lodestone.screening.lists.ListProblem;
import org.lodestone.screening.lists.ListReleases;
import org.lodestone.screening.lists.RejectedLine;
import org.lodestone.screening.lists.Release;
import org.lodestone.screening.lists.RestrictedList;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Restricted lists over HTTP; the rules are {@link ListReleases}', this class only translates. */
@RestController
@Tag(
        name = "Screening lists",
        description = "Restricted lists (OpenSanctions, US Consolidated Screening List, national lists) imported as "
                + "versioned releases: streamed, rejected lines reported with line numbers, atomic activation, diff "
                + "against the previous release.")
class ListsApi {

    private final ListReleases releases;
    private final Identity identity;

    ListsApi(ListReleases releases, Identity identity) {
        this.releases = releases;
        this.identity = identity;
    }

    @PostMapping(
            path = "/api/v1/screening/lists/{listCode}/releases",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a release of a list (ADMIN)",
            description = "Multipart fields: `file` and `format` (`ftm-json`, `opensanctions-simple-csv`, `csl-csv`, "
                    + "`csl-json`, `lodestone-csv`); for a new list optionally `name`, `publisher` and `kind` "
                    + "(SANCTIONS, EXPORT_CONTROL, NATIONAL, OTHER). The file is streamed; malformed records are "
                    + "rejected with line number and reason and the import goes on. On success the release becomes "
                    + "the active one. If the file is not of the declared format, holds no entry, or more than half "
                    + "of its records are rejected, the release is FAILED and the previous release stays active.")
    @ApiResponse(responseCode = "201", description = "Imported and active: counts, diff counts and rejected lines")
    @ApiResponse(responseCode = "409", description = "Another import of this list is running")
    @ApiResponse(responseCode = "413", description = "Larger than lodestone.screening.lists.max-size")
    @ApiResponse(
            responseCode = "422",
            description = "Invalid field, or the import failed; `errors` names `file` or `format`, `release` the "
                    + "failed release")
    ResponseEntity<ReleaseResponse> upload(
            @PathVariable String listCode,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "format", required = false) @Nullable String format,
            @RequestParam(name = "name", required = false) @Nullable String name,
            @RequestParam(name = "publisher", required = false) @Nullable String publisher,
            @RequestParam(name = "kind", required = false) @Nullable String kind) {
        CurrentUser user = user();
        if (format == null || format.isBlank()) {
            throw ListProblem.invalid(
                    "format", "required: ftm-json, opensanctions-simple-csv, csl-csv, csl-json or " + "lodestone-csv");
        }
        if (file == null || file.isEmpty()) {
            throw ListProblem.invalid("file", "required and must not be empty");
        }
        if (file.getSize() > releases.maxBytes()) {
            throw ListProblem.tooLarge(releases.maxBytes());
        }
        Release release;
        try (InputStream in = file.getInputStream()) {
            release = releases.importRelease(
                    new ListReleases.Upload(listCode, format, file.getOriginalFilename(), name, publisher, kind),
                    in,
                    user.username());
        } catch (IOException e) {
            throw ListProblem.invalid("file", "the upload could not be read");
        }
        return ResponseEntity.created(URI.create("/api/v1/screening/lists/" + listCode + "/releases/" + release.id()))
                .body(ReleaseResponse.of(release, releases.rejectedLines(listCode, release.id())));
    }

    @GetMapping(path = "/api/v1/screening/lists", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The restricted lists with their active release and its counts")
    @ApiResponse(responseCode = "200", description = "The lists, by code")
    List<RestrictedList> lists() {
        return releases.lists();
    }

    @GetMapping(path = "/api/v1/screening/lists/{listCode}/releases", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The releases of a list, newest first (all states)")
    @ApiResponse(responseCode = "200", description = "The releases")
    @ApiResponse(responseCode = "404", description = "No such list")
    List<Release> releases(@PathVariable String listCode) {
        return releases.releases(listCode);
    }

    @GetMapping(path = "/api/v1/screening/lists/{listCode}/releases/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A release with its rejected lines (the first 1,000; all are counted)")
    @ApiResponse(responseCode = "200", description = "The release")
    @ApiResponse(responseCode = "404", description = "No such release of this list")
    ReleaseResponse release(@PathVariable String listCode, @PathVariable UUID id) {
        return ReleaseResponse.of(releases.release(listCode, id), releases.rejectedLines(listCode, id));
    }

    @GetMapping(
            path = "/api/v1/screening/lists/{listCode}/releases/{id}/diff",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "What a release changed against the release it replaced",
            description = "Entries ADDED, CHANGED (same id, other content) or REMOVED, by entry id, paged.")
    @ApiResponse(responseCode = "200", description = "One page of the diff")
    @ApiResponse(responseCode = "404", description = "No such release of this list")
    @ApiResponse(responseCode = "409", description = "The release was never activated, or its entries were purged")
    DiffPage diff(
            @PathVariable String listCode,
            @PathVariable UUID id,
            @Parameter(description = "ADDED, CHANGED or REMOVED") @RequestParam(defaultValue = "ADDED") DiffKind kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return new DiffPage(kind, page, size, releases.diff(listCode, id, kind, page, size));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        var problem = ListProblem.tooLarge(releases.maxBytes());
        return ResponseEntity.status(problem.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    /** A release with its rejected lines. */
    record ReleaseResponse(Release release, List<RejectedLine> rejectedLines) {
        static ReleaseResponse of(Release release, List<RejectedLine> rejected) {
            return new ReleaseResponse(release, rejected);
        }
    }

    /** One page of a diff. */
    record DiffPage(DiffKind kind, int page, int size, List<DiffEntry> entries) {}
}
