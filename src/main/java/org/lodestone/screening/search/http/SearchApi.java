package org.lodestone.screening.search.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.ScreeningProblem;
import org.lodestone.screening.matching.MatchHit;
import org.lodestone.screening.search.Batches;
import org.lodestone.screening.search.SearchRequest;
import org.lodestone.screening.search.Searches;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Ad-hoc screening of one name, and of a CSV of names. */
@RestController
@RequestMapping("/api/v1/screening")
@Tag(name = "Screening search", description = "Screen names against the active restricted lists")
class SearchApi {

    private final Searches searches;
    private final Batches batches;

    SearchApi(Searches searches, Batches batches) {
        this.searches = searches;
        this.batches = batches;
    }

    /** The answer: the default threshold, and the best candidates first, each with what produced its score. */
    record SearchResponse(double threshold, List<Map<String, Object>> hits) {}

    @PostMapping(value = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Screen one name",
            description = "Body {\"name\": \"…\" (required, ≤ 1000 characters, any script), \"country\": \"CN\","
                    + " \"identifiers\": [{\"type\": \"…\", \"value\": \"…\"}], \"schema\": \"Company\"|\"Person\"|"
                    + "\"Organization\"|\"LegalEntity\"|\"Vessel\"|\"Airplane\"}. Answers {\"threshold\": t, \"hits\":"
                    + " [{\"listCode\", \"entryId\", \"name\", \"score\", \"match\", \"features\"}]}, best first, at"
                    + " most 10; match is true where the score reaches the threshold. Any signed-in user; audited.")
    SearchResponse search(@RequestBody @Nullable SearchRequest body) {
        if (body == null) {
            throw ScreeningProblem.invalid("name", "is required");
        }
        List<MatchHit> hits = searches.search(body);
        return new SearchResponse(
                searches.threshold(), hits.stream().map(Searches::json).toList());
    }

    @PostMapping(value = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "text/csv")
    @Operation(
            summary = "Screen a CSV of names",
            description = "Multipart field 'file': UTF-8 CSV with header name,country,identifiers,schema (and an"
                    + " optional ref), identifiers as type:value;type:value, at most 10,000 rows and 5 MB. Answers"
                    + " text/csv: row,ref,name,listCode,entryId,matchedName,score,match,error — one line per row and"
                    + " hit (best 3), or one line naming the invalid field in 'error'. A file that is not CSV of this"
                    + " shape is refused with 422 naming 'file'. APPLICANTs and authority staff; audited.")
    ResponseEntity<String> batch(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        String csv =
                batches.screen(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"screening-results.csv\"")
                .body(csv);
    }
}
