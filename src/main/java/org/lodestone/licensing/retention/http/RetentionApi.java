package org.lodestone.licensing.retention.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestone.licensing.retention.Retention;
import org.lodestone.licensing.retention.RetentionCategory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Retention over HTTP; the rules are {@link Retention}'s. */
@RestController
@Tag(
        name = "Retention",
        description = "Retention periods per data category; after the period the application's data key is "
                + "destroyed (crypto-shredding). Administrators only.")
class RetentionApi {

    private final Retention retention;

    RetentionApi(Retention retention) {
        this.retention = retention;
    }

    record CategoryView(String category, String period, int due) {}

    record OverviewView(List<CategoryView> categories, List<String> kept, long shredded) {}

    record RunView(Instant at, Map<String, Integer> shredded, int failed) {}

    @GetMapping(path = "/api/v1/retention", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Configured retention periods and how many applications are due now")
    OverviewView overview() {
        Retention.Overview overview = retention.overview();
        List<CategoryView> categories = overview.periods().entrySet().stream()
                .map(e -> new CategoryView(
                        e.getKey().key(),
                        e.getValue().toString(),
                        overview.due().getOrDefault(e.getKey(), 0)))
                .toList();
        List<String> kept = java.util.Arrays.stream(RetentionCategory.values())
                .filter(c -> !overview.periods().containsKey(c))
                .map(RetentionCategory::key)
                .toList();
        return new OverviewView(categories, kept, overview.shredded());
    }

    @PostMapping(path = "/api/v1/retention/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Run retention now: shred every application whose period has passed; counts per category")
    RunView run() {
        Retention.RunResult result = retention.run();
        Map<String, Integer> shredded = new LinkedHashMap<>();
        result.shredded().forEach((category, count) -> shredded.put(category.key(), count));
        return new RunView(result.at(), shredded, result.failed());
    }
}
