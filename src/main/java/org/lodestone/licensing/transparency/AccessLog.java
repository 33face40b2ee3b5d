package org.lodestone.licensing.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditEntry;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The owners' access log ({@code access_log_entry}): a row per audited read of an owner's data by someone outside the
 * owning organisation, written in the transaction of the audit entry it points to; listed to the owner only, by the
 * owner's organisation id taken from the signed-in user, never from the request (so no organisation can ask for
 * another's log). Guarded by {@code AccessLogApiTests}.
 */
@Component
public class AccessLog {

    private static final String COLUMNS = """
            audit_sequence, occurred_at, reader_name, reader_username, reader_organisation_name, reader_roles, kind,
            application_id, application_reference, document_id, document_type, what, purpose, reason, trace_id""";

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One read, in the caller's transaction, beside {@code entry} (its audit entry). */
    void insert(
            AuditEntry entry,
            OrganisationId owner,
            CurrentUser reader,
            String kind,
            UUID application,
            String reference,
            @Nullable UUID document,
            @Nullable String documentType,
            String what,
            @Nullable StatedPurpose purpose,
            @Nullable String traceId) {
        jdbc.sql("""
                        INSERT INTO access_log_entry (audit_sequence, occurred_at, owner_organisation_id, reader_user_id,
                            reader_username, reader_name, reader_organisation_id, reader_organisation_name, reader_roles,
                            kind, application_id, application_reference, document_id, document_type, purpose, reason,
                            what, trace_id)
                        VALUES (:sequence, :at, :owner, :readerId, :username, :name, :readerOrg, :readerOrgName, :roles,
                            :kind, :application, :reference, :document, :documentType, :purpose, :reason, :what,
                            :trace)""")
                .param("sequence", entry.sequence())
                .param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("owner", owner.value())
                .param("readerId", reader.id().value())
                .param("username", cut(reader.username(), 100))
                .param("name", cut(reader.displayName(), 200))
                .param("readerOrg", reader.organisationId().value())
                .param("readerOrgName", cut(reader.organisationName(), 300))
                .param("roles", roles(reader))
                .param("kind", kind)
                .param("application", application)
                .param("reference", cut(reference, 40))
                .param("document", document, Types.OTHER)
                .param("documentType", documentType, Types.VARCHAR)
                .param("purpose", purpose == null ? null : cut(purpose.caseReference(), 100), Types.VARCHAR)
                .param("reason", purpose == null ? null : cut(purpose.reason(), 1000), Types.VARCHAR)
                .param("what", cut(what, 200))
                .param("trace", traceId, Types.VARCHAR)
                .update();
    }

    /** The owner's log, newest first. */
    public AccessLogPage of(OrganisationId owner, AccessLogFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE owner_organisation_id = :owner");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", owner.value());
        if (filter.application() != null) {
            where.append(" AND application_id = :application");
            params.put("application", filter.application());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM access_log_entry" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM access_log_entry" + where
                                + " ORDER BY occurred_at DESC, audit_sequence DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params)
                .param("offset", filter.page() * filter.size())
                .param("limit", filter.size())
                .query(AccessLog::map)
                .list();
        return new AccessLogPage(rows, filter.page(), filter.size(), total);
    }

    private static AccessLogEntry map(ResultSet rs, int n) throws SQLException {
        return new AccessLogEntry(
                rs.getLong("audit_sequence"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("reader_name"),
                rs.getString("reader_username"),
                rs.getString("reader_organisation_name"),
                rs.getString("reader_roles"),
                rs.getString("kind"),
                rs.getObject("application_id", UUID.class),
                rs.getString("application_reference"),
                rs.getObject("document_id", UUID.class),
                rs.getString("document_type"),
                rs.getString("what"),
                rs.getString("purpose"),
                rs.getString("reason"),
                rs.getString("trace_id"));
    }

    private static String roles(CurrentUser reader) {
        var names = new TreeSet<String>();
        for (Role role : reader.roles()) {
            names.add(role.name());
        }
        return cut(String.join(" ", names), 200);
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
