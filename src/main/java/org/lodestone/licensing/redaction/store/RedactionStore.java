package org.lodestone.licensing.redaction.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestone.identity.UserId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.DocumentId;
import org.lodestone.licensing.redaction.Area;
import org.lodestone.licensing.redaction.Audience;
import org.lodestone.licensing.redaction.DocumentRedaction;
import org.lodestone.licensing.redaction.SensitiveField;
import org.lodestone.licensing.redaction.TermCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code rd_document_redaction} and {@code rd_field_redaction} tables. Guarded by {@code RedactionApiTests}. */
public class RedactionStore {

    private static final String COLUMNS = """
            id, application_id, original_id, copy_id, audiences, keep_original, term_count, counts, areas, pages,
            rasterised, created_by, created_by_name, created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public RedactionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(DocumentRedaction r, UserId by) {
        jdbc.sql("INSERT INTO rd_document_redaction (" + COLUMNS + """
                        ) VALUES (:id, :app, :original, :copy, :audiences, :keep, :terms, :counts, :areas, :pages,
                                  :rasterised, :by, :byName, :at)""")
                .param("id", r.id())
                .param("app", r.applicationId().value())
                .param("original", r.originalId().value())
                .param("copy", r.copyId().value())
                .param("audiences", names(r.audiences()))
                .param("keep", r.keepOriginal())
                .param("terms", r.termCount())
                .param("counts", json.writeValueAsString(r.counts()))
                .param("areas", json.writeValueAsString(r.areas()))
                .param("pages", r.pages())
                .param("rasterised", json.writeValueAsString(r.rasterised()))
                .param("by", by.value())
                .param("byName", r.createdByName())
                .param("at", r.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Redactions of the application, oldest first. */
    public List<DocumentRedaction> ofApplication(ApplicationId application) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM rd_document_redaction WHERE application_id = :app ORDER BY created_at, id")
                .param("app", application.value())
                .query(this::map)
                .list();
    }

    /** Redactions in which the document is the original or the copy. */
    public List<DocumentRedaction> involving(DocumentId document) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM rd_document_redaction WHERE original_id = :doc OR copy_id = :doc
                        ORDER BY created_at, id""")
                .param("doc", document.value())
                .query(this::map)
                .list();
    }

    /** Marks per field; absent fields are not redacted. */
    public Map<SensitiveField, Set<Audience>> fields(ApplicationId application) {
        Map<SensitiveField, Set<Audience>> result = new EnumMap<>(SensitiveField.class);
        jdbc.sql("SELECT field, audiences FROM rd_field_redaction WHERE application_id = :app")
                .param("app", application.value())
                .query((rs, row) -> {
                    try {
                        result.put(SensitiveField.valueOf(rs.getString("field")), audiences(rs.getString("audiences")));
                    } catch (IllegalArgumentException retired) {
                        // a field name no longer known marks nothing
                    }
                    return null;
                })
                .list();
        return result;
    }

    /** Replaces the application's field marks. */
    public void replaceFields(
            ApplicationId application, Map<SensitiveField, Set<Audience>> marks, UserId by, Instant at) {
        jdbc.sql("DELETE FROM rd_field_redaction WHERE application_id = :app")
                .param("app", application.value())
                .update();
        for (var mark : marks.entrySet()) {
            if (mark.getValue().isEmpty()) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO rd_field_redaction (application_id, field, audiences, marked_by, marked_at)
                            VALUES (:app, :field, :audiences, :by, :at)""")
                    .param("app", application.value())
                    .param("field", mark.getKey().name())
                    .param("audiences", names(mark.getValue()))
                    .param("by", by.value())
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    private static String names(Set<Audience> audiences) {
        return audiences.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Audience> audiences(String names) {
        Set<Audience> result = EnumSet.noneOf(Audience.class);
        Arrays.stream(names.split(","))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .forEach(n -> result.add(Audience.valueOf(n)));
        return result;
    }

    private DocumentRedaction map(ResultSet rs, int row) throws SQLException {
        return new DocumentRedaction(
                rs.getObject("id", UUID.class),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                new DocumentId(rs.getObject("original_id", UUID.class)),
                new DocumentId(rs.getObject("copy_id", UUID.class)),
                audiences(rs.getString("audiences")),
                rs.getBoolean("keep_original"),
                rs.getInt("term_count"),
                json.readValue(rs.getString("counts"), new TypeReference<List<TermCount>>() {}),
                json.readValue(rs.getString("areas"), new TypeReference<List<Area>>() {}),
                rs.getInt("pages"),
                json.readValue(rs.getString("rasterised"), new TypeReference<List<Integer>>() {}),
                rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
