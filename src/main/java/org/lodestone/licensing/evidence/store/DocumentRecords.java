package org.lodestone.licensing.evidence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.evidence.DocumentStorage;
import org.lodestone.licensing.evidence.DocumentType;
import org.lodestone.licensing.evidence.EvidenceDocument;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code evidence_document} table: metadata of evidence documents. Filename and description are sealed with the
 * application's data key (they may name customers or processes, #6); type, size and hash stay in clear for listing
 * and integrity. Guarded by {@code EvidenceStoreContractTests}.
 */
@Component
public class DocumentRecords {

    private static final String FILENAME = "evidence_document.filename";
    private static final String DESCRIPTION = "evidence_document.description";

    private static final String COLUMNS = """
            id, application_id, type, party_id, item_id, filename, content_type, size_bytes, sha256, description,
            uploaded_by, uploaded_by_name, uploaded_at, removed_at, removed_by, version""";

    private final JdbcClient jdbc;
    private final Protection protection;

    public DocumentRecords(JdbcClient jdbc, Protection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public void insert(EvidenceDocument d) {
        jdbc.sql("INSERT INTO evidence_document (" + COLUMNS + """
                        ) VALUES (:id, :application, :type, :party, :item, :filename, :contentType, :size, :sha256,
                                  :description, :uploadedBy, :uploadedByName, :uploadedAt, :removedAt, :removedBy,
                                  :version)""")
                .param("id", d.id().value())
                .param("application", d.applicationId().value())
                .param("type", d.type().name())
                .param("party", d.partyId())
                .param("item", d.itemId())
                .param("filename", protection.seal(scope(d.applicationId()), d.filename(), FILENAME))
                .param("contentType", d.contentType())
                .param("size", d.sizeBytes())
                .param("sha256", d.sha256())
                .param("description", protection.seal(scope(d.applicationId()), d.description(), DESCRIPTION))
                .param("uploadedBy", d.uploadedBy().value())
                .param("uploadedByName", d.uploadedByName())
                .param("uploadedAt", utc(d.uploadedAt()))
                .param("removedAt", d.removedAt() == null ? null : utc(d.removedAt()))
                .param("removedBy", d.removedBy() == null ? null : d.removedBy().value())
                .param("version", d.version())
                .update();
    }

    public Optional<EvidenceDocument> find(DocumentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_document WHERE id = :id")
                .param("id", id.value())
                .query(this::map)
                .optional();
    }

    /** Documents of the application that are not removed, oldest first. */
    public List<EvidenceDocument> current(ApplicationId application) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM evidence_document
                        WHERE application_id = :application AND removed_at IS NULL
                        ORDER BY uploaded_at, id""")
                .param("application", application.value())
                .query(this::map)
                .list();
    }

    /** Marks the document removed if it is still at {@code version} and not removed; false otherwise. */
    public boolean markRemoved(DocumentId id, long version, UserId by, Instant at) {
        return jdbc.sql("""
                        UPDATE evidence_document
                           SET removed_at = :at, removed_by = :by, version = version + 1
                         WHERE id = :id AND version = :version AND removed_at IS NULL""")
                        .param("at", utc(at))
                        .param("by", by.value())
                        .param("id", id.value())
                        .param("version", version)
                        .update()
                == 1;
    }

    /** Whether any row, removed or not, points at the content (removed documents keep theirs for the record). */
    public boolean references(ApplicationId application, String sha256) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM evidence_document WHERE sha256 = :sha256 AND application_id = :application""")
                        .param("sha256", sha256)
                        .param("application", application.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every (application, sha256) pair on record, removed documents included; for adopting legacy blobs (#6). */
    public List<DocumentStorage.BlobRef> allBlobs() {
        return jdbc.sql("SELECT DISTINCT application_id, sha256 FROM evidence_document")
                .query((rs, n) -> new DocumentStorage.BlobRef(
                        new ApplicationId(rs.getObject(1, UUID.class)),
                        rs.getString(2).strip()))
                .list();
    }

    private static Scope scope(ApplicationId application) {
        return Scope.application(application.value());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private EvidenceDocument map(ResultSet rs, int row) throws SQLException {
        var application = new ApplicationId(rs.getObject("application_id", UUID.class));
        Scope scope = scope(application);
        return new EvidenceDocument(
                new DocumentId(rs.getObject("id", UUID.class)),
                application,
                DocumentType.valueOf(rs.getString("type")),
                rs.getObject("party_id", UUID.class),
                rs.getObject("item_id", UUID.class),
                java.util.Objects.requireNonNull(protection.open(scope, rs.getString("filename"), FILENAME)),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256").strip(),
                protection.open(scope, rs.getString("description"), DESCRIPTION),
                new UserId(rs.getObject("uploaded_by", UUID.class)),
                rs.getString("uploaded_by_name"),
                instant(rs, "uploaded_at"),
                instantOrNull(rs, "removed_at"),
                rs.getObject("removed_by", UUID.class) == null
                        ? null
                        : new UserId(rs.getObject("removed_by", UUID.class)),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant i = instantOrNull(rs, column);
        if (i == null) {
            throw new SQLException(column + " is null");
        }
        return i;
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
