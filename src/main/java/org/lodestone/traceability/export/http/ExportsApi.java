package org.lodestone.traceability.export.http;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Identity;
import org.lodestone.traceability.export.store.ExportStore;
import org.lodestone.traceability.export.store.ExportStore.ExportRow;
import org.lodestone.traceability.genealogy.Genealogy;
import org.lodestone.traceability.genealogy.GenealogyProblem;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/traceability/exports}: export shipments with their licence and depletion state, newest first; an
 * authority sees those reported in its jurisdiction, a reporting enterprise its own.
 */
@RestController
class ExportsApi {

    private final ExportStore store;
    private final Identity identity;
    private final JsonMapper json;

    ExportsApi(ExportStore store, Identity identity, JsonMapper json) {
        this.store = store;
        this.identity = identity;
        this.json = json;
    }

    record ExportView(
            String eventId,
            Instant eventTime,
            @Nullable String licence,
            @Nullable Integer licenceLine,
            @Nullable String destinationParty,
            @Nullable String destinationLocation,
            JsonNode quantities,
            String depletion,
            @Nullable String outcome,
            int attempts) {}

    record ExportList(List<ExportView> items) {}

    @GetMapping("/api/v1/traceability/exports")
    ExportList list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String limit) {
        var user = identity.currentUser().orElseThrow(() -> GenealogyProblem.forbidden("Not signed in."));
        Scope scope = Genealogy.scopeOf(user);
        if (scope == null) {
            throw GenealogyProblem.forbidden(
                    "Only authorities with a jurisdiction and reporting enterprises may list " + "export shipments.");
        }
        ExportStore.State s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = ExportStore.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw GenealogyProblem.invalid("state", "must be PENDING, RECORDED, REPEATED or SIGNALLED");
            }
        }
        int max = 100;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1 || max > 1000) {
                throw GenealogyProblem.invalid("limit", "must be a whole number from 1 to 1000");
            }
        }
        List<ExportView> items = store.list(scope.regionPrefix(), scope.reporter(), s, max).stream()
                .map(this::view)
                .toList();
        return new ExportList(items);
    }

    private ExportView view(ExportRow r) {
        return new ExportView(
                r.eventId(),
                r.eventTime(),
                r.licenceNumber(),
                r.licenceLine(),
                r.destParty(),
                r.destLocation(),
                json.readTree(r.quantities()),
                r.state().name(),
                r.outcome(),
                r.attempts());
    }
}
