package org.lodestone.licensing.transparency;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationKind;
import org.lodestone.identity.Role;
import org.lodestone.licensing.application.Application;
import org.lodestone.licensing.application.ApplicationListing;
import org.lodestone.licensing.application.BusinessRelationship;
import org.lodestone.licensing.application.Party;
import org.lodestone.licensing.application.PartyRole;
import org.lodestone.licensing.application.store.ApplicationStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk exports of sensitive data need a supervisor's approval (#6). Staff of an authority (REVIEWER, SUPERVISOR,
 * ENFORCEMENT) request an export with a reason and a date range; a SUPERVISOR of the same authority who is not the
 * requester approves or refuses it with a reason; only then may the requester download it, once, within
 * {@link #WINDOW} of the approval. Every step is audited (DATA_EXPORT_REQUESTED, _APPROVED, _REFUSED, _DOWNLOADED).
 * Requests of another authority are 404; a supervisor sees every request of the authority, other staff their own.
 * Guarded by {@code DataExportsApiTests}.
 */
@Component
public class DataExports {

    /** How long an approval stays valid for its one download. */
    public static final Duration WINDOW = Duration.ofHours(48);

    static final int MAX_REASON = 2000;
    static final long MAX_DAYS = 366;
    private static final int PAGE = 200;

    private static final String COLUMNS = """
            id, authority_id, requested_by, requested_by_name, requested_at, reason, scope_from, scope_to, state,
            decided_by, decided_by_name, decided_at, decision_reason, expires_at, downloaded_at, row_count, version""";

    private final JdbcClient jdbc;
    private final ApplicationStore applications;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    DataExports(
            JdbcClient jdbc,
            ApplicationStore applications,
            AuditTrail audit,
            TransactionTemplate tx,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether the user may request exports: staff of an authority who read applications in bulk. */
    public static boolean mayRequest(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.AUTHORITY
                && (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR) || user.has(Role.ENFORCEMENT));
    }

    public static boolean mayDecide(CurrentUser user) {
        return user.organisationKind() == OrganisationKind.AUTHORITY && user.has(Role.SUPERVISOR);
    }

    public ExportRequest request(
            CurrentUser user, @Nullable String reason, @Nullable String from, @Nullable String to) {
        if (!mayRequest(user)) {
            throw TransparencyProblem.forbidden("export-authority-staff-only", "only staff of an authority export");
        }
        String why = reason(reason, "reason");
        LocalDate start = day("from", from);
        LocalDate end = day("to", to);
        if (end.isBefore(start)) {
            throw TransparencyProblem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw TransparencyProblem.invalid("to", "an export covers at most " + MAX_DAYS + " days");
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        tx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO data_export_request (" + COLUMNS + """
                            ) VALUES (:id, :authority, :by, :byName, :at, :reason, :from, :to, 'PENDING',
                                      NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0)""")
                    .param("id", id)
                    .param("authority", user.organisationId().value())
                    .param("by", user.id().value())
                    .param("byName", user.displayName())
                    .param("at", utc(now))
                    .param("reason", why)
                    .param("from", start)
                    .param("to", end)
                    .update();
            audit.record(AuditRecord.success("DATA_EXPORT_REQUESTED", "DATA_EXPORT", id.toString())
                    .withDetail("applications submitted " + start + " to " + end + "; reason: " + why));
        });
        return find(id).orElseThrow();
    }

    /** The requests the user may see, newest first: all of the authority's for a supervisor, else the user's own. */
    public List<ExportRequest> list(CurrentUser user) {
        if (!mayRequest(user)) {
            return List.of();
        }
        String mine = mayDecide(user) ? "" : " AND requested_by = :user";
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_export_request WHERE authority_id = :authority" + mine
                        + " ORDER BY requested_at DESC, id FETCH FIRST 200 ROWS ONLY")
                .param("authority", user.organisationId().value())
                .param("user", user.id().value())
                .query(this::map)
                .list();
    }

    /** One request, if the user may see it; 404 otherwise (another authority's, or another's request for non-supervisors). */
    public ExportRequest get(UUID id, CurrentUser user) {
        return find(id).filter(r -> visible(r, user)).orElseThrow(() -> notFound(id));
    }

    /**
     * Approves or refuses a pending request.
     *
     * @throws TransparencyProblem 404 not visible, 403 the requester deciding their own request or not a supervisor,
     *     409 already decided, 422 missing reason or decision
     */
    public ExportRequest decide(UUID id, CurrentUser user, @Nullable String decision, @Nullable String reason) {
        ExportRequest request = get(id, user);
        if (!mayDecide(user)) {
            throw TransparencyProblem.forbidden("export-decision-by-supervisor", "only a supervisor decides exports");
        }
        if (request.requestedBy().equals(user.id().value())) {
            throw TransparencyProblem.forbidden(
                    "export-approval-by-requester", "a supervisor may not decide an export they requested");
        }
        boolean approve;
        String verdict = decision == null ? "" : decision.strip().toUpperCase(java.util.Locale.ROOT);
        switch (verdict) {
            case "APPROVED", "APPROVE" -> approve = true;
            case "REFUSED", "REFUSE" -> approve = false;
            default -> throw TransparencyProblem.invalid("decision", "APPROVED or REFUSED");
        }
        String why = reason(reason, "reason");
        if (request.state() != ExportRequest.State.PENDING) {
            throw TransparencyProblem.conflict(
                    "export-already-decided", "the request is " + request.state() + ", not PENDING");
        }
        Instant now = now();
        tx.executeWithoutResult(status -> {
            int changed = jdbc.sql("""
                            UPDATE data_export_request
                               SET state = :state, decided_by = :by, decided_by_name = :byName, decided_at = :at,
                                   decision_reason = :reason, expires_at = :expires, version = version + 1
                             WHERE id = :id AND state = 'PENDING'""")
                    .param("state", approve ? "APPROVED" : "REFUSED")
                    .param("by", user.id().value())
                    .param("byName", user.displayName())
                    .param("at", utc(now))
                    .param("reason", why)
                    .param("expires", approve ? utc(now.plus(WINDOW)) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("id", id)
                    .update();
            if (changed != 1) {
                throw TransparencyProblem.conflict("export-already-decided", "the request was decided meanwhile");
            }
            audit.record(AuditRecord.success(
                            approve ? "DATA_EXPORT_APPROVED" : "DATA_EXPORT_REFUSED", "DATA_EXPORT", id.toString())
                    .withDetail("requested by " + request.requestedByName() + "; reason: " + why));
        });
        return find(id).orElseThrow();
    }

    /** The export's CSV, once: the stream deletes its temporary file when closed. */
    public record Download(ExportRequest request, InputStream content, long length, String filename) {}

    /**
     * Writes the export for its requester and marks it downloaded, in one transaction with the audit entry.
     *
     * @throws TransparencyProblem 404 not visible, 403 not the requester, 409 not approved, refused, expired or
     *     already downloaded
     */
    public Download download(UUID id, CurrentUser user) {
        ExportRequest request = get(id, user);
        if (!request.requestedBy().equals(user.id().value())) {
            throw TransparencyProblem.forbidden(
                    "export-download-by-requester", "only the requester downloads an approved export");
        }
        requireDownloadable(request);
        Path file;
        int rows;
        try {
            file = Files.createTempFile("lodestone-export", ".csv");
            rows = write(request, file);
        } catch (IOException e) {
            throw new UncheckedIOException("export " + id + " could not be written", e);
        }
        try {
            Instant now = now();
            tx.executeWithoutResult(status -> {
                int changed = jdbc.sql("""
                                UPDATE data_export_request
                                   SET state = 'DOWNLOADED', downloaded_at = :at, row_count = :rows,
                                       version = version + 1
                                 WHERE id = :id AND state = 'APPROVED' AND expires_at > :at""")
                        .param("at", utc(now))
                        .param("rows", rows)
                        .param("id", id)
                        .update();
                if (changed != 1) {
                    throw TransparencyProblem.conflict(
                            "export-not-downloadable", "the export was downloaded or expired meanwhile");
                }
                audit.record(AuditRecord.success("DATA_EXPORT_DOWNLOADED", "DATA_EXPORT", id.toString())
                        .withDetail(rows + " applications submitted " + request.from() + " to " + request.to()
                                + "; approved by " + request.decidedByName()));
            });
            long length = Files.size(file); // before opening: on Unix DELETE_ON_CLOSE unlinks at once
            return new Download(
                    find(id).orElseThrow(),
                    Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE),
                    length,
                    "lodestone-export-" + request.from() + "-" + request.to() + ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
            throw e;
        }
    }

    private static void requireDownloadable(ExportRequest request) {
        switch (request.state()) {
            case PENDING ->
                throw TransparencyProblem.conflict("export-not-approved", "the export awaits a supervisor's approval");
            case REFUSED -> throw TransparencyProblem.conflict("export-refused", "the export was refused");
            case DOWNLOADED ->
                throw TransparencyProblem.conflict(
                        "export-already-downloaded", "the export was downloaded already; request a new one");
            case EXPIRED ->
                throw TransparencyProblem.conflict(
                        "export-expired", "the approval expired before the download; request a new one");
            case APPROVED -> {}
        }
    }

    // ---- the CSV ----------------------------------------------------------------------------------------------------

    static final String HEADER = "reference,state,submitted_at,applicant,consignee,consignee_country,end_users,"
            + "end_use_sector,final_product,end_use_statement,production,business_since,business_volumes,"
            + "business_notes";

    private int write(ExportRequest request, Path file) throws IOException {
        var scope = ApplicationStore.Scope.ofAuthority(new org.lodestone.identity.OrganisationId(request.authority()));
        Instant start = request.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = request.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (int offset = 0; ; offset += PAGE) {
                List<ApplicationListing> page = applications.list(scope, offset, PAGE);
                for (ApplicationListing listing : page) {
                    Instant submitted = listing.submittedAt();
                    if (submitted == null || submitted.isBefore(start) || !submitted.isBefore(end)) {
                        continue;
                    }
                    Application app = applications.find(listing.id()).orElse(null);
                    if (app != null) {
                        out.write(row(app));
                        out.write("\r\n");
                        rows++;
                    }
                }
                if (page.size() < PAGE) {
                    return rows;
                }
            }
        }
    }

    private static String row(Application app) {
        var content = app.content();
        Party consignee = content.parties().stream()
                .filter(p -> p.role() == PartyRole.CONSIGNEE)
                .findFirst()
                .orElse(null);
        String endUsers = content.parties().stream()
                .filter(p -> p.role() == PartyRole.END_USER)
                .map(p -> p.nameLatin() + " (" + p.country() + ")")
                .collect(Collectors.joining("; "));
        BusinessRelationship relationship = content.relationship();
        String volumes = relationship.volumes().stream()
                .map(v -> v.year() + ": " + text(v.quantity()) + " " + text(v.unit()) + " " + text(v.value()) + " "
                        + text(v.currency()))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        var production = content.production();
        return String.join(
                ",",
                cell(app.reference()),
                cell(app.state().name()),
                cell(app.submittedAt() == null ? "" : app.submittedAt().toString()),
                cell(app.applicantName()),
                cell(consignee == null ? "" : consignee.nameLatin()),
                cell(consignee == null ? "" : consignee.country()),
                cell(endUsers),
                cell(text(content.endUse().sector())),
                cell(text(content.endUse().finalProduct())),
                cell(text(content.endUse().statement())),
                cell(String.join(
                                " / ",
                                List.of(
                                        text(production.description()),
                                        text(production.process()),
                                        text(production.site())))
                        .replaceAll("^( / )+|( / )+$", "")),
                cell(text(relationship.since())),
                cell(volumes),
                cell(text(relationship.notes())));
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed
     * with an apostrophe, since applicants write these texts.
     */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    // ---- store ------------------------------------------------------------------------------------------------------

    private java.util.Optional<ExportRequest> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM data_export_request WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private boolean visible(ExportRequest request, CurrentUser user) {
        return mayRequest(user)
                && request.authority().equals(user.organisationId().value())
                && (mayDecide(user) || request.requestedBy().equals(user.id().value()));
    }

    private ExportRequest map(ResultSet rs, int n) throws SQLException {
        var state = ExportRequest.State.valueOf(rs.getString("state"));
        Instant expires = instant(rs, "expires_at");
        if (state == ExportRequest.State.APPROVED && expires != null && !now().isBefore(expires)) {
            state = ExportRequest.State.EXPIRED;
        }
        return new ExportRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("authority_id", UUID.class),
                rs.getObject("requested_by", UUID.class),
                rs.getString("requested_by_name"),
                Objects.requireNonNull(instant(rs, "requested_at")),
                rs.getString("reason"),
                rs.getObject("scope_from", LocalDate.class),
                rs.getObject("scope_to", LocalDate.class),
                state,
                rs.getObject("decided_by", UUID.class),
                rs.getString("decided_by_name"),
                instant(rs, "decided_at"),
                rs.getString("decision_reason"),
                expires,
                instant(rs, "downloaded_at"),
                rs.getObject("row_count", Integer.class),
                rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String reason(@Nullable String raw, String field) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw TransparencyProblem.invalid(field, "state the reason");
        }
        if (text.length() > MAX_REASON) {
            throw TransparencyProblem.invalid(field, "at most " + MAX_REASON + " characters");
        }
        return text;
    }

    private static LocalDate day(String field, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw TransparencyProblem.invalid(field, "an ISO 8601 date such as 2026-11-01");
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.DateTimeException e) {
            throw TransparencyProblem.invalid(
                    field, "'" + raw.strip() + "' is not an ISO 8601 date such as 2026-11-01");
        }
    }

    private static TransparencyProblem notFound(UUID id) {
        return TransparencyProblem.notFound("no data export " + id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
