package org.lodestone.licensing.redaction.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.redaction.Area;
import org.lodestone.licensing.redaction.Audience;
import org.lodestone.licensing.redaction.DocumentRedaction;
import org.lodestone.licensing.redaction.FieldRedactions;
import org.lodestone.licensing.redaction.RedactionOutcome;
import org.lodestone.licensing.redaction.RedactionProblem;
import org.lodestone.licensing.redaction.RedactionRequest;
import org.lodestone.licensing.redaction.Redactions;
import org.lodestone.licensing.redaction.SensitiveField;
import org.lodestone.licensing.redaction.TermCount;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Redaction over HTTP; the rules are {@link Redactions}' and {@link FieldRedactions}', this class translates. */
@RestController
@Tag(
        name = "Redaction",
        description = "True redaction of evidence PDFs and of whole application fields for audiences (consulted "
                + "authorities, foreign parties). Terms are answered back once and stored nowhere.")
class RedactionApi {

    private final Redactions redactions;
    private final FieldRedactions fields;
    private final Identity identity;

    RedactionApi(Redactions redactions, FieldRedactions fields, Identity identity) {
        this.redactions = redactions;
        this.fields = fields;
        this.identity = identity;
    }

    /** The request body; lists may be missing (empty), {@code keepOriginal} is required. */
    record RedactionBody(
            @Nullable List<String> terms,
            @Nullable List<AreaBody> areas,
            @Nullable List<String> audiences,
            @Nullable Boolean keepOriginal) {}

    record AreaBody(
            @Nullable Integer page,
            @Nullable Double x,
            @Nullable Double y,
            @Nullable Double width,
            @Nullable Double height) {}

    @PostMapping(
            path = "/api/v1/applications/{id}/documents/{documentId}/redactions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Redact an evidence PDF for audiences",
            description = "`terms` (every occurrence on every page, case-insensitive, white space matches white space),"
                    + " `areas` [{page (from 1), x, y, width, height}] in PDF points with the origin at the top-left"
                    + " corner of the page as displayed, `audiences` (CONSULTED_AUTHORITY, FOREIGN_PARTY) and"
                    + " `keepOriginal`. Pages with a mark are rasterised with the marks black; the copy is stored as a"
                    + " new evidence document. Answers how often each term was found on each page.")
    @ApiResponse(responseCode = "201", description = "The copy is stored; counts per term and page")
    @ApiResponse(responseCode = "404", description = "No such application or document, or not yours")
    @ApiResponse(responseCode = "409", description = "Not accepting evidence, removed, or already redacted")
    @ApiResponse(responseCode = "422", description = "Not a PDF, encrypted, damaged, a box off the page; `errors`")
    ResponseEntity<RedactionResponse> redact(
            @PathVariable UUID id, @PathVariable UUID documentId, @RequestBody @Nullable RedactionBody body) {
        CurrentUser user = user();
        redactions.authorise(new ApplicationId(id), new DocumentId(documentId), user);
        RedactionRequest request = request(body == null ? new RedactionBody(null, null, null, null) : body);
        RedactionOutcome outcome = redactions.redact(new ApplicationId(id), new DocumentId(documentId), request, user);
        return ResponseEntity.created(
                        URI.create("/api/v1/documents/" + outcome.copy().id()))
                .body(RedactionResponse.of(outcome));
    }

    @GetMapping(
            path = "/api/v1/applications/{id}/documents/{documentId}/redactions",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Redactions of a document (as original or copy); applicant and competent authority")
    List<RedactionRecord> list(@PathVariable UUID id, @PathVariable UUID documentId) {
        return redactions.list(new ApplicationId(id), new DocumentId(documentId), user()).stream()
                .map(RedactionRecord::of)
                .toList();
    }

    @GetMapping(path = "/api/v1/applications/{id}/redactions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every redaction of an application; applicant and competent authority")
    List<RedactionRecord> ofApplication(@PathVariable UUID id) {
        return redactions.ofApplication(new ApplicationId(id), user()).stream()
                .map(RedactionRecord::of)
                .toList();
    }

    @GetMapping(path = "/api/v1/applications/{id}/field-redactions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Fields redacted for audiences: {field: [audience]}; applicant and competent authority")
    Map<String, Set<Audience>> fieldMarks(@PathVariable UUID id) {
        return names(fields.marks(new ApplicationId(id), user()));
    }

    @PutMapping(
            path = "/api/v1/applications/{id}/field-redactions",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Replace the fields redacted for audiences",
            description = "Body {field: [audience]} with fields RELATIONSHIP_NOTES, BUSINESS_HISTORY,"
                    + " PRODUCTION_DESCRIPTION, PRODUCTION_PROCESS, PRODUCTION_SITE, END_USE_STATEMENT, PARTY_CONTACTS,"
                    + " PARTY_ADDRESSES, CUSTOMER_ORDER_DOCUMENTS, BUSINESS_HISTORY_DOCUMENTS. Those audiences read"
                    + " \"[redacted]\" (documents: not listed). While the application accepts evidence.")
    Map<String, Set<Audience>> markFields(
            @PathVariable UUID id, @RequestBody @Nullable Map<String, @Nullable List<String>> body) {
        CurrentUser user = user();
        fields.authorise(new ApplicationId(id), user);
        Map<SensitiveField, Set<Audience>> marks = new EnumMap<>(SensitiveField.class);
        if (body != null) {
            for (var entry : body.entrySet()) {
                SensitiveField field;
                try {
                    field = SensitiveField.valueOf(entry.getKey());
                } catch (IllegalArgumentException e) {
                    throw RedactionProblem.invalid(
                            entry.getKey(), "is not a field that can be redacted: " + List.of(SensitiveField.values()));
                }
                marks.put(field, audiences(entry.getValue(), entry.getKey(), false));
            }
        }
        return names(fields.mark(new ApplicationId(id), marks, user));
    }

    // ---- translation ---------------------------------------------------------------------------------------------

    static RedactionRequest request(RedactionBody body) {
        if (body.keepOriginal() == null) {
            throw RedactionProblem.invalid(
                    "keepOriginal", "say true (the original stays sealed for the competent authority) or false");
        }
        List<Area> areas = new ArrayList<>();
        List<AreaBody> given = body.areas() == null ? List.of() : body.areas();
        for (int i = 0; i < given.size(); i++) {
            AreaBody a = given.get(i);
            String field = "areas[" + i + "]";
            if (a == null
                    || a.page() == null
                    || a.x() == null
                    || a.y() == null
                    || a.width() == null
                    || a.height() == null) {
                throw RedactionProblem.invalid(field, "needs page, x, y, width and height");
            }
            areas.add(new Area(a.page(), a.x(), a.y(), a.width(), a.height()));
        }
        List<String> terms = body.terms() == null ? List.of() : body.terms();
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) == null) {
                throw RedactionProblem.invalid("terms[" + i + "]", "must be text");
            }
        }
        return new RedactionRequest(terms, areas, audiences(body.audiences(), "audiences", true), body.keepOriginal());
    }

    private static Set<Audience> audiences(@Nullable List<String> names, String field, boolean required) {
        Set<Audience> result = EnumSet.noneOf(Audience.class);
        List<String> given = names == null ? List.of() : names;
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i);
            try {
                result.add(Audience.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw RedactionProblem.invalid(
                        field + "[" + i + "]", "is not an audience: " + List.of(Audience.values()));
            }
        }
        if (required && result.isEmpty()) {
            throw RedactionProblem.invalid(field, "choose at least one audience: " + List.of(Audience.values()));
        }
        return result;
    }

    private static Map<String, Set<Audience>> names(Map<SensitiveField, Set<Audience>> marks) {
        Map<String, Set<Audience>> result = new TreeMap<>();
        marks.forEach((field, audiences) -> result.put(field.name(), audiences));
        return result;
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    /** A redaction just made: what the applicant checks before submitting. */
    record RedactionResponse(
            UUID id,
            UUID originalId,
            Copy copy,
            Set<Audience> audiences,
            boolean keepOriginal,
            int pages,
            List<Integer> rasterisedPages,
            List<TermResult> terms,
            int areas) {

        record Copy(UUID id, String filename, long sizeBytes, String sha256, String contentUrl) {}

        record TermResult(String term, int total, List<PageCount> pages) {}

        record PageCount(int page, int count) {}

        static RedactionResponse of(RedactionOutcome outcome) {
            DocumentRedaction r = outcome.redaction();
            List<TermResult> terms = new ArrayList<>();
            for (int t = 0; t < outcome.terms().size(); t++) {
                int index = t;
                List<PageCount> pages = r.counts().stream()
                        .filter(c -> c.term() == index)
                        .map(c -> new PageCount(c.page(), c.count()))
                        .toList();
                terms.add(new TermResult(
                        outcome.terms().get(t),
                        pages.stream().mapToInt(PageCount::count).sum(),
                        pages));
            }
            var copy = outcome.copy();
            return new RedactionResponse(
                    r.id(),
                    r.originalId().value(),
                    new Copy(
                            copy.id().value(),
                            copy.filename(),
                            copy.sizeBytes(),
                            copy.sha256(),
                            "/api/v1/documents/" + copy.id() + "/content"),
                    new java.util.TreeSet<>(r.audiences()),
                    r.keepOriginal(),
                    r.pages(),
                    r.rasterised(),
                    terms,
                    r.areas().size());
        }
    }

    /** A recorded redaction: counts by term position (the terms are not kept). */
    record RedactionRecord(
            UUID id,
            UUID originalId,
            UUID copyId,
            Set<Audience> audiences,
            boolean keepOriginal,
            String original,
            int termCount,
            int occurrences,
            List<TermCount> counts,
            List<Area> areas,
            int pages,
            List<Integer> rasterisedPages,
            String createdBy,
            Instant createdAt) {

        static RedactionRecord of(DocumentRedaction r) {
            return new RedactionRecord(
                    r.id(),
                    r.originalId().value(),
                    r.copyId().value(),
                    new java.util.TreeSet<>(r.audiences()),
                    r.keepOriginal(),
                    r.keepOriginal() ? "kept, sealed for the competent authority" : "superseded by redacted copy",
                    r.termCount(),
                    r.occurrences(),
                    r.counts(),
                    r.areas(),
                    r.pages(),
                    r.rasterised(),
                    r.createdByName(),
                    r.createdAt());
        }
    }
}
