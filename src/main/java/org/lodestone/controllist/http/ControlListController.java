package org.lodestone.controllist.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.ControlEntry;
import org.lodestone.controllist.ControlEntryHistory;
import org.lodestone.controllist.ControlList;
import org.lodestone.controllist.ControlListProblem;
import org.lodestone.controllist.ControlRule;
import org.lodestone.controllist.EntryDraft;
import org.lodestone.controllist.LegalAct;
import org.lodestone.controllist.LegalActDraft;
import org.lodestone.controllist.Suspension;
import org.lodestone.controllist.SuspensionDraft;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browsing and administration of the catalogue. Reads are open to every authenticated user; changes need ADMIN, which
 * the module's endpoint policy enforces and this controller checks again, so a policy mistake cannot open writes.
 */
@RestController
@RequestMapping(path = "/api/v1/control-list", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Control list", description = "Versioned catalogue of controlled items, legal acts and suspensions")
class ControlListController {

    private final ControlList controlList;

    ControlListController(ControlList controlList) {
        this.controlList = controlList;
    }

    @GetMapping("/entries")
    @Operation(summary = "Entry versions in force on a date (default today)")
    List<ControlEntry> entries(
            @Parameter(description = "ISO date, 1990-01-01 to 2100-12-31") @RequestParam(required = false) @Nullable
                    String date,
            @Parameter(description = "Element symbol, e.g. Dy") @RequestParam(required = false) @Nullable
                    String element,
            @Parameter(description = "Text in description, key or control number")
                    @RequestParam(required = false)
                    @Nullable
                    String q) {
        return controlList.entriesInForce(date(date), element, q);
    }

    @GetMapping("/entries/{key}")
    @Operation(summary = "One entry with all its versions and its current lock version")
    @ApiResponse(responseCode = "404", description = "No such entry")
    ControlEntryHistory entry(@PathVariable String key) {
        return controlList.entry(key);
    }

    @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an entry (ADMIN)")
    @ApiResponse(responseCode = "409", description = "The key exists already")
    @ApiResponse(responseCode = "422", description = "A field is invalid")
    ControlEntryHistory create(@RequestBody EntryDraft draft, Authentication user) {
        requireAdmin(user);
        return controlList.create(draft);
    }

    @PostMapping(path = "/entries/{key}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Amend an entry by adding a version (ADMIN)",
            description =
                    "Quote the entry's current `version` as `expectedVersion`. Omitted descriptive fields are copied "
                            + "from the latest version. An open version starting earlier is closed the day before the new one.")
    @ApiResponse(responseCode = "409", description = "expectedVersion is stale")
    @ApiResponse(responseCode = "422", description = "A field is invalid or the interval overlaps another version")
    ControlEntryHistory amend(@PathVariable String key, @RequestBody AmendmentBody body, Authentication user) {
        requireAdmin(user);
        if (body.expectedVersion() == null) {
            throw ControlListProblem.invalid("expectedVersion", "is required (the entry's current version)");
        }
        return controlList.amend(key, body.expectedVersion(), body.draft(key));
    }

    @GetMapping("/legal-acts")
    @Operation(summary = "Legal acts the catalogue cites")
    List<LegalAct> legalActs() {
        return controlList.legalActs();
    }

    @PostMapping(path = "/legal-acts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a legal act (ADMIN), e.g. the announcement extending a suspension")
    LegalAct recordLegalAct(@RequestBody LegalActDraft draft, Authentication user) {
        requireAdmin(user);
        return controlList.recordLegalAct(draft);
    }

    @GetMapping("/suspensions")
    @Operation(summary = "Suspension records, including superseded ones")
    List<Suspension> suspensions() {
        return controlList.suspensions();
    }

    @PostMapping(path = "/suspensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a suspension or supersede one (ADMIN)",
            description = "To record that No. 70 was extended, post a record that supersedes it with the new end; to "
                    + "record that it was not, post one with the same end and extensionVerified true.")
    Suspension recordSuspension(@RequestBody SuspensionDraft draft, Authentication user) {
        requireAdmin(user);
        return controlList.recordSuspension(draft);
    }

    @GetMapping("/rules")
    @Operation(summary = "Prohibitions, thresholds and review notes")
    List<ControlRule> rules() {
        return controlList.rules();
    }

    private LocalDate date(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return controlList.today();
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ControlListProblem.invalid("date", "'" + raw + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static void requireAdmin(Authentication user) {
        boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin) {
            throw ControlListProblem.forbidden("Changing the control list needs the ADMIN role");
        }
    }

    record AmendmentBody(
            @Nullable Long expectedVersion,
            @Nullable String controlNumber,
            @Nullable String controlNumberConfidence,
            @Nullable List<String> elements,
            @Nullable List<String> forms,
            @Nullable List<String> keywords,
            @Nullable String description,
            @Nullable List<EntryDraft.HsCodeDraft> hsCodes,
            @Nullable String legalAct,
            @Nullable String effectiveFrom,
            @Nullable String effectiveTo,
            @Nullable String confidence,
            @Nullable String note) {

        EntryDraft draft(String key) {
            return new EntryDraft(
                    key,
                    controlNumber,
                    controlNumberConfidence,
                    elements,
                    forms,
                    keywords,
                    description,
                    hsCodes,
                    legalAct,
                    effectiveFrom,
                    effectiveTo,
                    confidence,
                    note);
        }
    }
}
