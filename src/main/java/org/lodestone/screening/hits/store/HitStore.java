package org.lodestone.screening.hits.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ScreeningSubject;
import org.lodestone.screening.hits.Hit;
import org.lodestone.screening.hits.HitState;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hit, subject and run tables. Callers own the transaction. Screenings of one subject are serialised on its
 * {@code sc_subject} row ({@link #lockSubject}); adjudications update a hit only at the version the reviewer read.
 */
public class HitStore {

    private static final TypeReference<Map<String, Object>> FEATURES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public HitStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- subjects

    /** Creates the subject's row if needed and locks it until the caller's transaction ends. */
    public void lockSubject(ScreeningSubject s, Instant now) {
        jdbc.sql("""
                INSERT INTO sc_subject (subject_kind, subject_id, reference, authority_org, screened_at, parties,
                    index_entries)
                VALUES (:kind, :id, :reference, :authority, :at, 0, 0)
                ON CONFLICT DO NOTHING""")
                .param("kind", s.kind().name())
                .param("id", s.id())
                .param("reference", s.reference())
                .param("authority", s.authority() == null ? null : s.authority().value())
                .param("at", ts(now))
                .update();
        jdbc.sql("SELECT subject_id FROM sc_subject WHERE subject_kind = :kind AND subject_id = :id FOR UPDATE")
                .param("kind", s.kind().name())
                .param("id", s.id())
                .query(UUID.class)
                .single();
    }

    public void screened(ScreeningSubject s, Instant at, int indexEntries) {
        jdbc.sql("""
                UPDATE sc_subject SET screened_at = :at, parties = :parties, index_entries = :entries,
                    reference = :reference, authority_org = :authority
                WHERE subject_kind = :kind AND subject_id = :id""")
                .param("kind", s.kind().name())
                .param("id", s.id())
                .param("reference", s.reference())
                .param("authority", s.authority() == null ? null : s.authority().value())
                .param("at", ts(at))
                .param("parties", s.parties().size())
                .param("entries", indexEntries)
                .update();
    }

    public Optional<Instant> screenedAt(ScreeningSubject.Kind kind, UUID id) {
        return jdbc.sql("SELECT screened_at FROM sc_subject WHERE subject_kind = :kind AND subject_id = :id")
                .param("kind", kind.name())
                .param("id", id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    // ---- hits

    private static final String COLUMNS = """
            id, subject_kind, subject_id, subject_reference, authority_org, party_key, party_role, party_name,
            party_name_original, party_country, party_fingerprint, screened_name, list_code, entry_id,
            entry_fingerprint, entry_caption, matched_name, score, features, state, cleared_reason, created_at,
            screened_at, adjudicated_by, adjudicated_at, rationale, version""";

    /** The hit in force for each party and entry of the subject: the newest row of each. */
    public List<Hit> current(ScreeningSubject.Kind kind, UUID subjectId) {
        List<Hit> all = jdbc.sql("SELECT " + COLUMNS
                        + " FROM sc_hit WHERE subject_kind = :kind AND subject_id = :id ORDER BY created_at, id")
                .param("kind", kind.name())
                .param("id", subjectId)
                .query(this::hit)
                .list();
        Map<String, Hit> newest = new LinkedHashMap<>();
        for (Hit h : all) {
            newest.put(h.partyKey() + "\u0000" + h.entryKey(), h);
        }
        return new ArrayList<>(newest.values());
    }

    public Optional<Hit> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sc_hit WHERE id = :id")
                .param("id", id)
                .query(this::hit)
                .optional();
    }

    public void insert(Hit h) {
        jdbc.sql("INSERT INTO sc_hit (" + COLUMNS + """
                        ) VALUES (:id, :kind, :subject, :reference, :authority, :partyKey, :role, :partyName,
                            :partyNameOriginal, :country, :partyFp, :screenedName, :listCode, :entryId, :entryFp,
                            :caption, :matchedName, :score, :features, :state, :clearedReason, :createdAt,
                            :screenedAt, :by, :at, :rationale, :version)""")
                .param("id", h.id())
                .param("kind", h.subjectKind().name())
                .param("subject", h.subjectId())
                .param("reference", h.subjectReference())
                .param("authority", h.authority() == null ? null : h.authority().value())
                .param("partyKey", h.partyKey())
                .param("role", h.partyRole())
                .param("partyName", cut(h.partyName(), 300))
                .param("partyNameOriginal", h.partyNameOriginal() == null ? null : cut(h.partyNameOriginal(), 300))
                .param("country", h.partyCountry())
                .param("partyFp", h.partyFingerprint())
                .param("screenedName", cut(h.screenedName(), 300))
                .param("listCode", h.listCode())
                .param("entryId", h.entryId())
                .param("entryFp", h.entryFingerprint())
                .param("caption", cut(h.entryCaption(), 1000))
                .param("matchedName", cut(h.matchedName(), 1000))
                .param("score", score(h.score()))
                .param("features", features(h.features()))
                .param("state", h.state().name())
                .param("clearedReason", h.clearedReason())
                .param("createdAt", ts(h.createdAt()))
                .param("screenedAt", ts(h.screenedAt()))
                .param("by", h.adjudicatedBy())
                .param("at", h.adjudicatedAt() == null ? null : ts(h.adjudicatedAt()))
                .param("rationale", h.rationale())
                .param("version", h.version())
                .update();
    }

    /** A re-screening found the open hit again: its score, features and fingerprints as they are now. */
    public void refresh(Hit h) {
        jdbc.sql("""
                UPDATE sc_hit SET party_name = :partyName, party_name_original = :partyNameOriginal,
                    party_country = :country, party_fingerprint = :partyFp, screened_name = :screenedName,
                    entry_fingerprint = :entryFp, entry_caption = :caption, matched_name = :matchedName,
                    score = :score, features = :features, screened_at = :screenedAt, version = version + 1
                WHERE id = :id AND state = 'OPEN'""")
                .param("id", h.id())
                .param("partyName", cut(h.partyName(), 300))
                .param("partyNameOriginal", h.partyNameOriginal() == null ? null : cut(h.partyNameOriginal(), 300))
                .param("country", h.partyCountry())
                .param("partyFp", h.partyFingerprint())
                .param("screenedName", cut(h.screenedName(), 300))
                .param("entryFp", h.entryFingerprint())
                .param("caption", cut(h.entryCaption(), 1000))
                .param("matchedName", cut(h.matchedName(), 1000))
                .param("score", score(h.score()))
                .param("features", features(h.features()))
                .param("screenedAt", ts(h.screenedAt()))
                .update();
    }

    /** Marks that an adjudicated hit was found again unchanged (its decision holds). */
    public void seen(UUID id, Instant at) {
        jdbc.sql("UPDATE sc_hit SET screened_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", ts(at))
                .update();
    }

    /** Clears an OPEN hit; true if it was open. */
    public boolean clear(UUID id, String reason) {
        return jdbc.sql("""
                                UPDATE sc_hit SET state = 'CLEARED', cleared_reason = :reason, version = version + 1
                                WHERE id = :id AND state = 'OPEN'""").param("id", id).param("reason", cut(reason, 300)).update() == 1;
    }

    /** Clears every OPEN hit of a subject (the case closed); returns how many. */
    public int clearAll(ScreeningSubject.Kind kind, UUID subjectId, String reason) {
        return jdbc.sql("""
                        UPDATE sc_hit SET state = 'CLEARED', cleared_reason = :reason, version = version + 1
                        WHERE subject_kind = :kind AND subject_id = :id AND state = 'OPEN'""")
                .param("kind", kind.name())
                .param("id", subjectId)
                .param("reason", cut(reason, 300))
                .update();
    }

    /** Records the decision if the hit is still OPEN at {@code expectedVersion}; false otherwise. */
    public boolean adjudicate(UUID id, HitState decision, String by, Instant at, String rationale, long expected) {
        return jdbc.sql("""
                                UPDATE sc_hit SET state = :state, adjudicated_by = :by, adjudicated_at = :at,
                                    rationale = :rationale, version = version + 1
                                WHERE id = :id AND state = 'OPEN' AND version = :expected""")
                        .param("id", id)
                        .param("state", decision.name())
                        .param("by", by)
                        .param("at", ts(at))
                        .param("rationale", rationale)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    public record Counts(int open, int trueMatches) {}

    public Counts counts(ScreeningSubject.Kind kind, UUID subjectId) {
        Map<String, Integer> byState = new HashMap<>();
        jdbc.sql("""
                SELECT state, COUNT(*) FROM sc_hit
                WHERE subject_kind = :kind AND subject_id = :id AND state IN ('OPEN', 'TRUE_MATCH')
                GROUP BY state""")
                .param("kind", kind.name())
                .param("id", subjectId)
                .query((rs, n) -> byState.put(rs.getString(1), rs.getInt(2)))
                .list();
        return new Counts(byState.getOrDefault("OPEN", 0), byState.getOrDefault("TRUE_MATCH", 0));
    }

    /**
     * Hits by state (null: any), newest first.
     *
     * @param authority only hits of subjects of this authority; null for all (national oversight)
     * @param subjectId only hits of this application or licence; null for all
     */
    public List<Hit> list(
            @Nullable HitState state,
            @Nullable OrganisationId authority,
            @Nullable UUID subjectId,
            int offset,
            int limit) {
        Where w = where(state, authority, subjectId);
        return jdbc.sql("SELECT " + COLUMNS + " FROM sc_hit" + w.sql() + " ORDER BY created_at DESC, id LIMIT " + limit
                        + " OFFSET " + offset)
                .params(w.params())
                .query(this::hit)
                .list();
    }

    public long count(@Nullable HitState state, @Nullable OrganisationId authority, @Nullable UUID subjectId) {
        Where w = where(state, authority, subjectId);
        return jdbc.sql("SELECT COUNT(*) FROM sc_hit" + w.sql())
                .params(w.params())
                .query(Long.class)
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(@Nullable HitState state, @Nullable OrganisationId authority, @Nullable UUID subjectId) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (state != null) {
            terms.add("state = :state");
            p.put("state", state.name());
        }
        if (authority != null) {
            terms.add("authority_org = :authority");
            p.put("authority", authority.value());
        }
        if (subjectId != null) {
            terms.add("subject_id = :subject");
            p.put("subject", subjectId);
        }
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), p);
    }

    // ---- re-screening runs

    public record Run(
            long id, String reason, String phase, @Nullable UUID cursor, int screened, int hitsOpened) {}

    public void requestRun(String reason, Instant at) {
        jdbc.sql("""
                INSERT INTO sc_screening_run (reason, requested_at, phase, screened, hits_opened)
                VALUES (:reason, :at, 'APPLICATIONS', 0, 0)""").param("reason", cut(reason, 300)).param("at", ts(at)).update();
    }

    /** The newest unfinished run; older unfinished ones are superseded by it (it screens against a newer index). */
    public Optional<Run> nextRun(Instant now) {
        Optional<Run> newest = jdbc.sql("""
                        SELECT id, reason, phase, cursor_id, screened, hits_opened FROM sc_screening_run
                        WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> new Run(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getInt(5),
                        rs.getInt(6)))
                .optional();
        newest.ifPresent(r -> {
            jdbc.sql("""
                    UPDATE sc_screening_run SET finished_at = :at, outcome = :outcome
                    WHERE finished_at IS NULL AND id < :id""")
                    .param("at", ts(now))
                    .param("outcome", "superseded by run " + r.id())
                    .param("id", r.id())
                    .update();
            jdbc.sql("UPDATE sc_screening_run SET started_at = COALESCE(started_at, :at) WHERE id = :id")
                    .param("at", ts(now))
                    .param("id", r.id())
                    .update();
        });
        return newest;
    }

    public void advance(long run, String phase, @Nullable UUID cursor, int screened, int hitsOpened) {
        jdbc.sql("""
                UPDATE sc_screening_run SET phase = :phase, cursor_id = :cursor, screened = :screened,
                    hits_opened = :opened
                WHERE id = :id""")
                .param("id", run)
                .param("phase", phase)
                .param("cursor", cursor)
                .param("screened", screened)
                .param("opened", hitsOpened)
                .update();
    }

    public void finish(long run, Instant at, String outcome) {
        jdbc.sql("UPDATE sc_screening_run SET finished_at = :at, outcome = :outcome WHERE id = :id")
                .param("id", run)
                .param("at", ts(at))
                .param("outcome", cut(outcome, 300))
                .update();
    }

    public int unfinishedRuns() {
        return jdbc.sql("SELECT COUNT(*) FROM sc_screening_run WHERE finished_at IS NULL")
                .query(Integer.class)
                .single();
    }

    // ---- mapping

    private Hit hit(ResultSet rs, int n) throws SQLException {
        UUID authority = rs.getObject("authority_org", UUID.class);
        OffsetDateTime adjudicatedAt = rs.getObject("adjudicated_at", OffsetDateTime.class);
        return new Hit(
                rs.getObject("id", UUID.class),
                ScreeningSubject.Kind.valueOf(rs.getString("subject_kind")),
                rs.getObject("subject_id", UUID.class),
                rs.getString("subject_reference"),
                authority == null ? null : new OrganisationId(authority),
                rs.getString("party_key"),
                rs.getString("party_role"),
                rs.getString("party_name"),
                rs.getString("party_name_original"),
                rs.getString("party_country"),
                rs.getString("party_fingerprint"),
                rs.getString("screened_name"),
                rs.getString("list_code"),
                rs.getString("entry_id"),
                rs.getString("entry_fingerprint"),
                rs.getString("entry_caption"),
                rs.getString("matched_name"),
                rs.getBigDecimal("score").doubleValue(),
                json.readValue(rs.getString("features"), FEATURES),
                HitState.valueOf(rs.getString("state")),
                rs.getString("cleared_reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("screened_at", OffsetDateTime.class).toInstant(),
                rs.getString("adjudicated_by"),
                adjudicatedAt == null ? null : adjudicatedAt.toInstant(),
                rs.getString("rationale"),
                rs.getLong("version"));
    }

    private String features(Map<String, Object> features) {
        String text = json.writeValueAsString(features);
        return text.length() <= 8000 ? text : "{\"truncated\":true}";
    }

    private static BigDecimal score(double score) {
        return BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
