package org.lodestone.screening.hits.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.hits.Adjudications;
import org.lodestone.screening.hits.Adjudications.HitView;
import org.lodestone.screening.hits.Hit;
import org.lodestone.screening.hits.HitState;
import org.lodestone.screening.lists.EntryDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Screening hits of the parties of applications and licences, and their adjudication by a REVIEWER. */
@RestController
@RequestMapping("/api/v1/screening/hits")
@Tag(name = "Screening hits", description = "Restricted-party hits on applications and licences, and adjudication")
class HitsApi {

    private final Adjudications adjudications;

    HitsApi(Adjudications adjudications) {
        this.adjudications = adjudications;
    }

    record Subject(String kind, String id, String reference) {}

    record Party(
            String key,
            String role,
            String name,
            @Nullable String nameOriginal,
            @Nullable String country) {}

    /** The entry as its list holds it now; {@code onList} false (and details null) once it left its list. */
    record Entry(
            String listCode,
            String entryId,
            String name,
            String matchedName,
            boolean onList,
            @Nullable String schema,
            @Nullable List<String> names,
            @Nullable String programme,
            @Nullable String legalBasis,
            @Nullable LocalDate listedOn,
            @Nullable String remarks,
            @Nullable String sourceUrl) {}

    record Adjudication(String decision, String by, Instant at, String rationale) {}

    record HitResponse(
            String id,
            String state,
            Subject subject,
            Party party,
            String screenedName,
            Entry entry,
            double score,
            boolean match,
            Map<String, Object> features,
            @Nullable Adjudication adjudication,
            @Nullable String clearedReason,
            Instant createdAt,
            Instant screenedAt,
            boolean mayAdjudicate,
            long version) {

        static HitResponse of(HitView v) {
            Hit h = v.hit();
            EntryDetails d = v.entry();
            return new HitResponse(
                    h.id().toString(),
                    h.state().name(),
                    new Subject(h.subjectKind().name(), h.subjectId().toString(), h.subjectReference()),
                    new Party(h.partyKey(), h.partyRole(), h.partyName(), h.partyNameOriginal(), h.partyCountry()),
                    h.screenedName(),
                    new Entry(
                            h.listCode(),
                            h.entryId(),
                            h.entryCaption(),
                            h.matchedName(),
                            d != null,
                            d == null ? null : d.entry().schema(),
                            d == null ? null : d.entry().names(),
                            d == null ? null : d.programme(),
                            d == null ? null : d.legalBasis(),
                            d == null ? null : d.listedOn(),
                            d == null ? null : d.remarks(),
                            d == null ? null : d.sourceUrl()),
                    h.score(),
                    true,
                    h.features(),
                    h.adjudicatedBy() == null || h.adjudicatedAt() == null || h.rationale() == null
                            ? null
                            : new Adjudication(h.state().name(), h.adjudicatedBy(), h.adjudicatedAt(), h.rationale()),
                    h.clearedReason(),
                    h.createdAt(),
                    h.screenedAt(),
                    v.mayAdjudicate(),
                    h.version());
        }
    }

    record HitPage(List<HitResponse> items, int page, int size, long total) {}

    record AdjudicationRequest(
            @Nullable String decision,
            @Nullable String rationale,
            @Nullable Long version) {}

    @GetMapping
    @Operation(
            summary = "Hits the caller may see, newest first",
            description = "REVIEWER, SUPERVISOR and ENFORCEMENT of the subject's authority; ENFORCEMENT of a national"
                    + " authority sees all. state: OPEN (default), TRUE_MATCH, FALSE_POSITIVE, CLEARED or ALL;"
                    + " application (or licence): the subject's id; page from 0, size 1-200 (default 50). Each hit"
                    + " carries the features that produced its score.")
    HitPage list(
            @RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(required = false) @Nullable String application,
            @RequestParam(required = false) @Nullable String licence,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        HitState s = null;
        if (!"ALL".equalsIgnoreCase(state.strip())) {
            try {
                s = HitState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ScreeningProblem.invalid("state", "must be OPEN, TRUE_MATCH, FALSE_POSITIVE, CLEARED or ALL");
            }
        }
        UUID subject = uuid("application", application);
        if (subject == null) {
            subject = uuid("licence", licence);
        }
        Adjudications.Page p = adjudications.list(s, subject, page, size);
        return new HitPage(p.items().stream().map(HitResponse::of).toList(), p.page(), p.size(), p.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One hit with its features and the entry's details; 404 if not the caller's to see")
    HitResponse get(@PathVariable String id) {
        return HitResponse.of(adjudications.get(pathId(id)));
    }

    @PostMapping("/{id}/adjudication")
    @Operation(
            summary = "Adjudicate an open hit",
            description = "Body {\"decision\": \"TRUE_MATCH\"|\"FALSE_POSITIVE\", \"rationale\": \"≥ 10 characters\","
                    + " \"version\": n}. A REVIEWER of the subject's authority only (others 404). 409 when the hit"
                    + " was decided already or changed since read. A TRUE_MATCH keeps approval blocked (refuse with"
                    + " RESTRICTED_PARTY); a FALSE_POSITIVE is remembered for this party and entry until either"
                    + " changes. Audited.")
    HitResponse adjudicate(@PathVariable String id, @RequestBody AdjudicationRequest body) {
        return HitResponse.of(adjudications.adjudicate(pathId(id), body.decision(), body.rationale(), body.version()));
    }

    private static UUID pathId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ScreeningProblem.notFound("No screening hit " + raw.replaceAll("\\p{Cntrl}", "?") + ".");
        }
    }

    private static @Nullable UUID uuid(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ScreeningProblem.invalid(field, "is not an id");
        }
    }
}
