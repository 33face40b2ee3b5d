package org.lodestone.traceability.signals.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.signals.Evidence;
import org.lodestone.traceability.signals.Signal;
import org.lodestone.traceability.signals.SignalDesk;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Diversion signals in the caller's jurisdiction, with their evidence trail and the analysts' decisions. */
@RestController
@RequestMapping("/api/v1/traceability/signals")
@Tag(name = "Traceability signals", description = "Enforcement dashboard: diversion signals and their evidence")
class SignalsApi {

    private final SignalDesk desk;

    SignalsApi(SignalDesk desk) {
        this.desk = desk;
    }

    record SignalView(
            String id,
            String kind,
            String state,
            @Nullable String enterprise,
            @Nullable String region,
            String subject,
            String summary,
            List<Evidence> evidence,
            Instant raisedAt,
            Instant updatedAt,
            long version,
            @Nullable List<Signals.Decision> decisions) {
        static SignalView of(Signal s, @Nullable List<Signals.Decision> decisions) {
            return new SignalView(
                    s.id().toString(),
                    s.kind().name(),
                    s.state().name(),
                    s.enterprise() == null ? null : s.enterprise().toString(),
                    s.region(),
                    s.subject(),
                    s.summary(),
                    s.evidence(),
                    s.raisedAt(),
                    s.updatedAt(),
                    s.version(),
                    decisions);
        }
    }

    record SignalList(Map<SignalKind, Long> counts, List<SignalView> items) {}

    record StateRequest(
            @Nullable String state,
            @Nullable String reason,
            @Nullable Long version) {}

    @GetMapping
    @Operation(summary = "Signals in the caller's jurisdiction, newest first, with counts by kind")
    SignalList list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "100") int limit) {
        return new SignalList(
                desk.counts(state),
                desk.list(kind, state, limit).stream()
                        .map(s -> SignalView.of(s, null))
                        .toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One signal with its evidence trail and decisions")
    SignalView signal(@PathVariable String id) {
        SignalDesk.Detail d = desk.find(id);
        return SignalView.of(d.signal(), d.decisions());
    }

    @PostMapping("/{id}/state")
    @Operation(summary = "Confirm or dismiss a signal with a reason (409 when the version is stale)")
    SignalView decide(@PathVariable String id, @RequestBody StateRequest request) {
        SignalDesk.Detail d = desk.decide(id, request.state(), request.reason(), request.version());
        return SignalView.of(d.signal(), d.decisions());
    }
}
