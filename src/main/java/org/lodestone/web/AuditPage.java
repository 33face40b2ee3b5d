package org.lodestone.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditEntry;
import org.lodestone.audit.AuditQuery;
import org.lodestone.audit.AuditTrail;
import org.lodestone.audit.ChainVerification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of the trail: recent entries filtered by object, actor and date range, and a button that walks
 * the whole hash chain. Auditors only, by the endpoint policy and again here, since an unmatched policy in a future
 * filter chain must not open the trail. Dates are whole UTC days, both ends included. Guarded by
 * {@code AuditPageTests}.
 */
@Controller
class AuditPage {

    static final int DEFAULT_LIMIT = 100;

    private final AuditTrail trail;

    AuditPage(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String list(
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model) {
        requireAuditor(request);
        model.addAttribute(
                "filter",
                new Filter(
                        blankToNull(objectType),
                        blankToNull(objectId),
                        blankToNull(actor),
                        from,
                        to,
                        Math.clamp(limit, 1, AuditQuery.MAX_LIMIT)));
        List<AuditEntry> entries = List.of();
        String error = null;
        if (from != null && to != null && to.isBefore(from)) {
            error = "The 'to' date must not be before the 'from' date.";
        } else {
            var query = new AuditQuery(
                    blankToNull(objectType),
                    blankToNull(objectId),
                    blankToNull(actor),
                    from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to == null
                            ? null
                            : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    Math.clamp(limit, 1, AuditQuery.MAX_LIMIT));
            entries = trail.find(query);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("filterError", error);
        return htmx != null ? "web/audit :: entries" : "web/audit";
    }

    @PostMapping("/audit/verify")
    String verify(
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletRequest request,
            Model model) {
        requireAuditor(request);
        ChainVerification result = trail.verify();
        model.addAttribute("verification", result);
        if (htmx != null) {
            return "web/audit :: verification";
        }
        model.addAttribute("filter", new Filter(null, null, null, null, null, DEFAULT_LIMIT));
        model.addAttribute("entries", trail.find(new AuditQuery(null, null, null, null, null, DEFAULT_LIMIT)));
        return "web/audit";
    }

    /** The form's current values, echoed back so a filtered page can be bookmarked and refined. */
    record Filter(
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String actor,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int limit) {}

    private static void requireAuditor(HttpServletRequest request) {
        if (!request.isUserInRole("AUDITOR")) {
            throw new AccessDeniedException("The audit trail is for auditors.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
