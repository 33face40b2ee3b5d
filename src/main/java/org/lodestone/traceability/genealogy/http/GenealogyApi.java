package org.lodestone.traceability.genealogy.http;

import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Identity;
import org.lodestone.traceability.genealogy.Genealogy;
import org.lodestone.traceability.genealogy.GenealogyProblem;
import org.lodestone.traceability.genealogy.Trace;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/traceability/genealogy}: a backward or forward trace as a graph. */
@RestController
class GenealogyApi {

    private final Genealogy genealogy;
    private final Identity identity;

    GenealogyApi(Genealogy genealogy, Identity identity) {
        this.genealogy = genealogy;
        this.identity = identity;
    }

    @GetMapping("/api/v1/traceability/genealogy")
    Trace trace(
            @RequestParam(required = false) @Nullable String identifier,
            @RequestParam(required = false) @Nullable String direction,
            @RequestParam(required = false) @Nullable String maxDepth) {
        var user = identity.currentUser().orElseThrow(() -> GenealogyProblem.forbidden("Not signed in."));
        return genealogy.traceFor(user, identifier, direction, depth(maxDepth));
    }

    static int depth(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Genealogy.MAX_DEPTH;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw GenealogyProblem.invalid("maxDepth", "must be a whole number");
        }
    }
}
