package org.lodestone.audit.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors' access to the trail. Verifying and querying are themselves recorded, so the trail shows who looked at it.
 * Guarded by {@code AuditApiTests}.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "Verify the hash-chained audit trail and query its entries (role AUDITOR)")
class AuditController {

    static final String TRAIL = "AUDIT_TRAIL";
    static final int DEFAULT_LIMIT = 100;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verify")
    @Operation(
            summary = "Verify the hash chain",
            description = "Recomputes every row's SHA-256, checks each link to the previous row, that sequences have no"
                    + " gaps and that the chain head names the last row. Answers 200 whether intact or not; when broken,"
                    + " names the first broken row and why.")
    @ApiResponse(responseCode = "200", description = "The verification result")
    VerificationReport verify() {
        ChainVerification result = trail.verify();
        trail.record(new AuditRecord(
                "AUDIT_VERIFIED",
                TRAIL,
                null,
                result.intact() ? AuditRecord.Outcome.SUCCESS : AuditRecord.Outcome.FAILURE,
                result.summary(),
                null));
        return VerificationReport.of(result);
    }

    @GetMapping("/entries")
    @Operation(
            summary = "Query the audit trail",
            description = "Entries matching every given filter, newest first. Time range is [from, to).")
    @ApiResponse(responseCode = "200", description = "Matching entries, newest first")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is malformed; the problem's errors name it",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    AuditEntries entries(
            @Parameter(description = "Object type, e.g. DETERMINATION") @RequestParam(required = false) @Nullable
                    String objectType,
            @Parameter(description = "Object id") @RequestParam(required = false) @Nullable String objectId,
            @Parameter(description = "User name of the actor") @RequestParam(required = false) @Nullable String actor,
            @Parameter(description = "ISO 8601 instant, inclusive, e.g. 2026-01-31T00:00:00Z")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "ISO 8601 instant, exclusive") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "1 to " + AuditQuery.MAX_LIMIT + ", default " + DEFAULT_LIMIT)
                    @RequestParam(required = false)
                    @Nullable
                    String limit) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidAuditQuery("to", "must be after 'from'");
        }
        var query = new AuditQuery(
                blankToNull(objectType),
                blankToNull(objectId),
                blankToNull(actor),
                fromInstant,
                toInstant,
                limit(limit));
        List<AuditEntry> entries = trail.find(query);
        trail.record(AuditRecord.success("AUDIT_QUERIED", TRAIL, null).withDetail(describe(query, entries.size())));
        return new AuditEntries(entries);
    }

    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAuditQuery(parameter, "must be an ISO 8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static int limit(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String reason = "must be a whole number from 1 to " + AuditQuery.MAX_LIMIT;
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
                throw new InvalidAuditQuery("limit", reason);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidAuditQuery("limit", reason);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String describe(AuditQuery q, int found) {
        return "objectType=" + q.objectType() + ", objectId=" + q.objectId() + ", actor=" + q.actor() + ", from="
                + q.from() + ", to=" + q.to() + ", limit=" + q.limit() + "; " + found + " found";
    }

    /** The entries found, newest first; an object so paging fields can be added without breaking clients. */
    record AuditEntries(List<AuditEntry> entries) {}
}
