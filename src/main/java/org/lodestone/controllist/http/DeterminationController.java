package org.lodestone.controllist.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.Confidence;
import org.lodestone.controllist.ControlList;
import org.lodestone.controllist.Determination;
import org.lodestone.controllist.DeterminationRequest;
import org.lodestone.controllist.EndUse;
import org.lodestone.controllist.Outcome;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Licence determination over the control list; a read of public data, so any authenticated user may ask. */
@RestController
@Tag(
        name = "Determinations",
        description = "Does this item, to this destination, for this end use, on this date need a licence?")
class DeterminationController {

    private final ControlList controlList;

    DeterminationController(ControlList controlList) {
        this.controlList = controlList;
    }

    @PostMapping(
            path = "/api/v1/determinations",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Determine whether a licence is required",
            description =
                    "Give a control number, or an HS code plus element contents (mass %), or element contents alone. "
                            + "The date defaults to today; suspensions and effective dates for that date apply.")
    @ApiResponse(responseCode = "200", description = "The determination with matches, explanation and warnings")
    @ApiResponse(responseCode = "400", description = "Malformed JSON (problem+json)")
    @ApiResponse(responseCode = "422", description = "A field is invalid; `errors` names each field and the reason")
    DeterminationResponse determine(@RequestBody DeterminationRequest request) {
        return DeterminationResponse.of(controlList.determine(request));
    }

    record DeterminationResponse(
            Outcome outcome,
            List<MatchResponse> matches,
            String explanation,
            List<String> explanationSteps,
            List<String> warnings,
            LocalDate asOf,
            String destination,
            EndUse endUse,
            String catalogueRevision) {

        static DeterminationResponse of(Determination d) {
            return new DeterminationResponse(
                    d.outcome(),
                    d.matches().stream().map(MatchResponse::of).toList(),
                    String.join(" ", d.explanation()),
                    d.explanation(),
                    d.warnings(),
                    d.asOf(),
                    d.destination(),
                    d.endUse(),
                    d.catalogueRevision());
        }
    }

    record MatchResponse(
            @Nullable String controlNumber,
            Confidence controlNumberConfidence,
            String key,
            String description,
            String legalBasis,
            LocalDate effectiveFrom,
            @Nullable LocalDate effectiveTo,
            Determination.MatchStatus status,
            Confidence confidence,
            String matchedBy,
            @Nullable String note) {

        static MatchResponse of(Determination.Match m) {
            return new MatchResponse(
                    m.controlNumber(),
                    m.controlNumberConfidence(),
                    m.key(),
                    m.description(),
                    m.legalBasis(),
                    m.effectiveFrom(),
                    m.effectiveTo(),
                    m.status(),
                    m.confidence(),
                    m.matchedBy(),
                    m.note());
        }
    }
}
