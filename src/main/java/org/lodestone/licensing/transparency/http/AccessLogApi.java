package org.lodestone.licensing.transparency.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.licensing.transparency.AccessLogEntry;
import org.lodestone.licensing.transparency.AccessLogPage;
import org.lodestone.licensing.transparency.AccessLogs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's access log over HTTP (#6); the rules are {@link AccessLogs}'. */
@RestController
@Tag(
        name = "Access log",
        description = "Who outside your organisation read your applications and evidence documents, when, and why.")
class AccessLogApi {

    private final AccessLogs logs;
    private final Identity identity;

    AccessLogApi(AccessLogs logs, Identity identity) {
        this.logs = logs;
        this.identity = identity;
    }

    @GetMapping(path = "/api/v1/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Reads of your organisation's data by others, newest first",
            description = "For APPLICANT staff: reads of your organisation's applications (their content, the case "
                    + "file) and of the documents it uploaded; for CONSIGNEE staff: reads of the documents your "
                    + "organisation uploaded. Each entry names the reader (name, organisation, roles), what was read "
                    + "(application reference, document type and id — never filenames), when, and the purpose stated. "
                    + "Every entry is also in the hash-chained audit trail (`auditSequence`).")
    @ApiResponse(responseCode = "200", description = "One page of the log")
    @ApiResponse(responseCode = "403", description = "Not an applicant or consignee")
    @ApiResponse(responseCode = "422", description = "Invalid filter; `errors` names the field")
    Page list(
            @Parameter(description = "Only reads of this application (id)") @RequestParam(required = false) @Nullable
                    String application,
            @Parameter(description = "ISO 8601 date or time, inclusive") @RequestParam(required = false) @Nullable
                    String from,
            @Parameter(description = "ISO 8601 date (inclusive) or time (exclusive)")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return Page.of(logs.of(user(), application, from, to, page, size));
    }

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
    }

    record Page(List<Entry> entries, int page, int size, long total) {
        static Page of(AccessLogPage p) {
            return new Page(p.entries().stream().map(Entry::of).toList(), p.page(), p.size(), p.total());
        }
    }

    record Reader(String name, String username, String organisation, List<String> roles) {}

    record Subject(
            UUID applicationId,
            String applicationReference,
            @Nullable UUID documentId,
            @Nullable String documentType) {}

    record Entry(
            long auditSequence,
            Instant occurredAt,
            Reader reader,
            String kind,
            Subject subject,
            String what,
            @Nullable String purpose,
            @Nullable String reason,
            @Nullable String traceId) {

        static Entry of(AccessLogEntry e) {
            return new Entry(
                    e.auditSequence(),
                    e.occurredAt(),
                    new Reader(
                            e.readerName(),
                            e.readerUsername(),
                            e.readerOrganisation(),
                            List.of(e.readerRoles().split(" "))),
                    e.kind(),
                    new Subject(e.applicationId(), e.applicationReference(), e.documentId(), e.documentType()),
                    e.what(),
                    e.purpose(),
                    e.reason(),
                    e.traceId());
        }
    }
}
