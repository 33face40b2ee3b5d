package org.lodestone.licensing.transparency;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The access log as its owners ask for it: the APPLICANT staff of an exporter see reads of their organisation's
 * applications and documents, the CONSIGNEE staff of a foreign party reads of the evidence their organisation uploaded.
 * The owner is always the caller's own organisation, so an application filter naming another organisation's
 * application yields nothing (and reveals nothing). Filters are parsed here, for the API and the page alike.
 */
@Component
public class AccessLogs {

    private final AccessLog log;

    AccessLogs(AccessLog log) {
        this.log = log;
    }

    /** Whether the user owns data whose reads are logged: applicants and consignees. */
    public static boolean mayRead(CurrentUser user) {
        return user.has(Role.APPLICANT) || user.has(Role.CONSIGNEE);
    }

    /**
     * The caller's organisation's log. {@code from}/{@code to} are ISO 8601 instants ({@code 2026-11-22T10:00:00Z}) or
     * dates ({@code 2026-11-22}: from the start of {@code from} to the end of {@code to}, UTC).
     *
     * @throws TransparencyProblem 403 for callers who own no logged data, 422 naming the field of a bad filter
     */
    public AccessLogPage of(
            CurrentUser user,
            @Nullable String application,
            @Nullable String from,
            @Nullable String to,
            int page,
            int size) {
        if (!mayRead(user)) {
            throw TransparencyProblem.forbidden(
                    "access-log-owners-only", "the access log is for applicant and consignee organisations");
        }
        UUID app = null;
        if (application != null && !application.isBlank()) {
            try {
                app = UUID.fromString(application.strip());
            } catch (IllegalArgumentException e) {
                throw TransparencyProblem.invalid(
                        "application", "'" + application.strip() + "' is not an application id");
            }
        }
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw TransparencyProblem.invalid("to", "must be after from");
        }
        return log.of(user.organisationId(), new AccessLogFilter(app, start, end, page, size));
    }

    static @Nullable Instant instant(String field, @Nullable String raw, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw TransparencyProblem.invalid(
                    field, "'" + text + "' is not an ISO 8601 date (2026-11-22) or time (2026-11-22T10:00:00Z)");
        }
    }
}
