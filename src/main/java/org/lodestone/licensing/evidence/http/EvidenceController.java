package org.lodestone.licensing.evidence.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.Evidence;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.licensing.evidence.EvidenceProblem;
import org.lodestone.licensing.evidence.NewDocument;
import org.lodestone.licensing.evidence.Seal;
import org.lodestone.licensing.transparency.DocumentReading;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** Evidence documents over HTTP; all rules are {@link Evidence}'s, this class only translates. */
@RestController
@Tag(
        name = "Evidence documents",
        description = "Typed evidence attached to a licence application: uploaded as multipart, type detected from the "
                + "content, SHA-256 recorded, downloads streamed and audited.")
class EvidenceController {

    private final Evidence evidence;
    private final Identity identity;
    private final DocumentReading reading;

    EvidenceController(Evidence evidence, Identity identity, DocumentReading reading) {
        this.evidence = evidence;
        this.identity = identity;
        this.reading = reading;
    }

    @PostMapping(
            path = "/api/v1/applications/{id}/documents",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Upload an evidence document",
            description = "Multipart fields: `file` (the document), `type` (document type), optional `partyId` or "
                    + "`itemId` (what the document is about) and `description`. The content type is detected from the "
                    + "bytes, never from the filename or the part's Content-Type, and must be one the document type "
                    + "accepts. Only the applicant's organisation, while the application accepts evidence.")
    @ApiResponse(responseCode = "201", description = "Stored; the metadata with the detected type and SHA-256")
    @ApiResponse(responseCode = "404", description = "No such application, or not yours")
    @ApiResponse(responseCode = "409", description = "The application does not accept evidence in its state")
    @ApiResponse(responseCode = "413", description = "Larger than lodestone.evidence.max-size")
    @ApiResponse(responseCode = "415", description = "Content not accepted for the type; `errors` names `file`")
    @ApiResponse(responseCode = "422", description = "Empty file or invalid field")
    ResponseEntity<DocumentResponse> upload(
            @PathVariable UUID id,
            @RequestPart("file") MultipartFile file,
            @RequestParam("type") DocumentType type,
            @RequestParam(name = "partyId", required = false) @Nullable UUID partyId,
            @RequestParam(name = "itemId", required = false) @Nullable UUID itemId,
            @RequestParam(name = "description", required = false) @Nullable String description) {
        EvidenceDocument stored;
        try (InputStream content = file.getInputStream()) {
            stored = evidence.upload(
                    new ApplicationId(id),
                    new NewDocument(type, partyId, itemId, file.getOriginalFilename(), description),
                    content,
                    user());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/api/v1/documents/" + stored.id()))
                .body(DocumentResponse.of(
                        stored, evidence.seals(stored.applicationId(), user()).get(stored.id())));
    }

    @GetMapping(path = "/api/v1/applications/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the current evidence documents of an application, oldest first")
    @ApiResponse(responseCode = "200", description = "The documents (removed ones are not listed)")
    @ApiResponse(responseCode = "404", description = "No such application, or not yours to see")
    List<DocumentResponse> list(@PathVariable UUID id) {
        CurrentUser user = user();
        var application = new ApplicationId(id);
        Map<DocumentId, Seal> seals = evidence.seals(application, user);
        List<DocumentResponse> documents = evidence.list(application, user).stream()
                .map(d -> DocumentResponse.of(d, seals.get(d.id())))
                .toList();
        reading.listed(application, user); // #6: filenames and descriptions are sensitive too
        return documents;
    }

    @DeleteMapping("/api/v1/applications/{id}/documents/{documentId}")
    @Operation(
            summary = "Remove an evidence document",
            description = "Soft removal while the application accepts evidence: the document leaves the list and the "
                    + "completeness check but stays on record. `If-Match` may carry the version you saw.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "No such document on this application, or not yours")
    @ApiResponse(responseCode = "409", description = "Stale version, already removed, or the application is locked")
    ResponseEntity<Void> remove(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @Parameter(description = "The version you saw, e.g. \"3\"")
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    @Nullable
                    String ifMatch) {
        evidence.remove(new ApplicationId(id), new DocumentId(documentId), version(ifMatch), user());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Metadata of an evidence document")
    @ApiResponse(responseCode = "200", description = "The metadata")
    @ApiResponse(responseCode = "404", description = "No such document, or not yours to see")
    DocumentResponse describe(@PathVariable UUID id) {
        EvidenceDocument document = evidence.describe(new DocumentId(id), user());
        return DocumentResponse.of(
                document, evidence.seals(document.applicationId(), user()).get(document.id()));
    }

    @GetMapping("/api/v1/documents/{id}/content")
    @Operation(
            summary = "Download an evidence document",
            description = "Streamed as an attachment with the detected content type, exact length and the SHA-256 as "
                    + "ETag. Every download is recorded in the audit trail as DOCUMENT_READ with the reader. Authority "
                    + "staff must state the purpose (`purpose`: the case, by reference or id; `reason` optional) and "
                    + "receive a watermarked copy (PDF, PNG, JPEG: viewer, organisation, UTC time, case, trace id; "
                    + "no ETag, the trace id in `X-Lodestone-Trace`); the owner's access log lists the read (#6).")
    @ApiResponse(responseCode = "200", description = "The content (watermarked for authority staff)")
    @ApiResponse(
            responseCode = "403",
            description = "Sealed evidence of the foreign party: the applicant sees that it exists, not its content")
    @ApiResponse(responseCode = "404", description = "No such document, or not yours to see")
    @ApiResponse(
            responseCode = "422",
            description = "Authority staff only: `purpose` missing or naming another case; `errors` names `purpose`")
    ResponseEntity<InputStreamResource> content(
            @PathVariable UUID id,
            @Parameter(description = "Authority staff: the case you open the document for (its reference or id)")
                    @RequestParam(name = "purpose", required = false)
                    @Nullable
                    String purpose,
            @Parameter(description = "Authority staff, optional: why, in a few words")
                    @RequestParam(name = "reason", required = false)
                    @Nullable
                    String reason) {
        return Downloads.of(reading.open(new DocumentId(id), user(), purpose, reason));
    }

    /** A part over the limit, found while the servlet container spooled it (no declared length, or a lying one). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        var problem = EvidenceProblem.tooLarge(evidence.maxBytes());
        return ResponseEntity.status(problem.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    private static @Nullable Long version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String raw = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            var problem = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            problem.getBody().setTitle("Invalid If-Match");
            problem.getBody().setDetail("If-Match: '" + raw + "' is not a document version");
            throw problem;
        }
    }

    /**
     * An evidence document as the API shows it. {@code sealed}: uploaded by the foreign party (#6); for the applicant
     * such a document has no filename, content type, description or content URL ({@code locked}).
     */
    record DocumentResponse(
            UUID id,
            UUID applicationId,
            DocumentType type,
            @Nullable UUID partyId,
            @Nullable UUID itemId,
            @Nullable String filename,
            @Nullable String contentType,
            long sizeBytes,
            String sha256,
            @Nullable String description,
            String uploadedBy,
            Instant uploadedAt,
            @Nullable Instant removedAt,
            long version,
            @Nullable String contentUrl,
            boolean sealed,
            boolean locked) {

        static DocumentResponse of(EvidenceDocument d, @Nullable Seal seal) {
            boolean locked = seal != null && seal.locked();
            return new DocumentResponse(
                    d.id().value(),
                    d.applicationId().value(),
                    d.type(),
                    d.partyId(),
                    d.itemId(),
                    locked ? null : d.filename(),
                    locked ? null : d.contentType(),
                    d.sizeBytes(),
                    d.sha256(),
                    locked ? null : d.description(),
                    d.uploadedByName(),
                    d.uploadedAt(),
                    d.removedAt(),
                    d.version(),
                    locked ? null : "/api/v1/documents/" + d.id() + "/content",
                    seal != null,
                    locked);
        }
    }
}
