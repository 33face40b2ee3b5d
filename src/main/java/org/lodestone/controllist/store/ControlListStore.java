package org.lodestone.controllist.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lodestone.controllist.CatalogueData;
import org.lodestone.controllist.Confidence;
import org.lodestone.controllist.ControlEntry;
import org.lodestone.controllist.ControlRule;
import org.lodestone.controllist.EndUse;
import org.lodestone.controllist.HsReference;
import org.lodestone.controllist.ItemForm;
import org.lodestone.controllist.LegalAct;
import org.lodestone.controllist.RuleKind;
import org.lodestone.controllist.Suspension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The control list's tables. Callers own the transaction; list-valued columns are comma-separated because their
 * members (element symbols, form names, keys) never contain commas — keywords are checked for that on input.
 */
public class ControlListStore {

    private final JdbcClient jdbc;

    public ControlListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM cl_legal_act").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM cl_entry").query(Long.class).single() == 0;
    }

    /** Seeds every table from the data file and records the revision; the tables must be empty. */
    public void load(CatalogueData data, String sha256, String resource, String by, Instant at) {
        data.legalActs().forEach(a -> insertLegalAct(a, by, at));
        for (ControlEntry e : data.entries()) {
            insertEntry(e.key(), by, at);
            insertVersion(e, by, at);
        }
        data.rules().forEach(r -> insertRule(r, by, at));
        data.suspensions().forEach(s -> insertSuspension(s, by, at));
        jdbc.sql("""
                INSERT INTO cl_data_load (revision, sha256, resource, entry_count, loaded_at)
                VALUES (:revision, :sha, :resource, :count, :at)""")
                .param("revision", data.revision())
                .param("sha", sha256)
                .param("resource", resource)
                .param("count", data.entries().size())
                .param("at", ts(at))
                .update();
    }

    public record DataLoad(String revision, String sha256, String resource, int entryCount, Instant loadedAt) {}

    public Optional<DataLoad> firstLoad() {
        return jdbc
                .sql("SELECT revision, sha256, resource, entry_count, loaded_at FROM cl_data_load ORDER BY id")
                .query((rs, n) ->
                        new DataLoad(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), instant(rs, 5)))
                .list()
                .stream()
                .findFirst();
    }

    public CatalogueData readAll() {
        String revision = firstLoad().map(DataLoad::revision).orElse("(none)");
        List<LegalAct> acts = jdbc.sql("SELECT * FROM cl_legal_act ORDER BY created_at, act_key")
                .query((rs, n) -> legalAct(rs))
                .list();
        Map<Long, List<HsReference>> hs = new HashMap<>();
        jdbc.sql("SELECT version_id, hs_code, confidence FROM cl_entry_version_hs ORDER BY version_id, ordinal")
                .query(rs -> {
                    hs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new HsReference(rs.getString(2), Confidence.valueOf(rs.getString(3))));
                });
        List<ControlEntry> entries = jdbc.sql("SELECT * FROM cl_entry_version ORDER BY id")
                .query((rs, n) -> entry(rs, hs.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        List<ControlRule> rules = jdbc.sql("SELECT * FROM cl_rule ORDER BY created_at, rule_key")
                .query((rs, n) -> rule(rs))
                .list();
        List<Suspension> suspensions = jdbc.sql("SELECT * FROM cl_suspension ORDER BY created_at, suspension_key")
                .query((rs, n) -> suspension(rs))
                .list();
        return new CatalogueData(revision, acts, entries, rules, suspensions);
    }

    // ---- entries -------------------------------------------------------------------------------------------------

    public boolean entryExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM cl_entry WHERE entry_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Long> entryVersion(String key) {
        return jdbc.sql("SELECT version FROM cl_entry WHERE entry_key = :key")
                .param("key", key)
                .query(Long.class)
                .optional();
    }

    public void insertEntry(String key, String by, Instant at) {
        jdbc.sql("INSERT INTO cl_entry (entry_key, version, created_by, created_at) VALUES (:key, 0, :by, :at)")
                .param("key", key)
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    /** Optimistic lock: true when the entry was at {@code expected} and is now at {@code expected + 1}. */
    public boolean bumpVersion(String key, long expected) {
        return jdbc.sql("UPDATE cl_entry SET version = version + 1 WHERE entry_key = :key AND version = :expected")
                        .param("key", key)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    public List<ControlEntry> versions(String key) {
        Map<Long, List<HsReference>> hs = new HashMap<>();
        jdbc.sql("""
                SELECT h.version_id, h.hs_code, h.confidence FROM cl_entry_version_hs h
                JOIN cl_entry_version v ON v.id = h.version_id
                WHERE v.entry_key = :key ORDER BY h.version_id, h.ordinal""").param("key", key).query(rs -> {
            hs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new HsReference(rs.getString(2), Confidence.valueOf(rs.getString(3))));
        });
        return jdbc.sql("SELECT * FROM cl_entry_version WHERE entry_key = :key ORDER BY version_no")
                .param("key", key)
                .query((rs, n) -> entry(rs, hs.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** The one in-place change the design allows: ending an open version the day before its successor starts. */
    public void closeVersion(String key, int versionNo, LocalDate lastDay) {
        int n = jdbc.sql("""
                UPDATE cl_entry_version SET effective_to = :last
                WHERE entry_key = :key AND version_no = :no AND effective_to IS NULL""")
                .param("last", lastDay)
                .param("key", key)
                .param("no", versionNo)
                .update();
        if (n != 1) {
            throw new IllegalStateException("Version " + versionNo + " of " + key + " is not open");
        }
    }

    public void insertVersion(ControlEntry e, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO cl_entry_version (entry_key, version_no, control_number, control_number_confidence,
                    elements, forms, keywords, description, legal_act_key, effective_from, effective_to, confidence,
                    note, created_by, created_at)
                VALUES (:key, :no, :cn, :cnc, :elements, :forms, :keywords, :description, :act, :from, :to,
                    :confidence, :note, :by, :at)""")
                .param("key", e.key())
                .param("no", e.versionNo())
                .param("cn", e.controlNumber())
                .param("cnc", e.controlNumberConfidence().name())
                .param("elements", String.join(",", e.elements()))
                .param(
                        "forms",
                        String.join(",", e.forms().stream().map(Enum::name).toList()))
                .param("keywords", String.join(",", e.keywords()))
                .param("description", e.description())
                .param("act", e.legalActKey())
                .param("from", e.effectiveFrom())
                .param("to", e.effectiveTo())
                .param("confidence", e.confidence().name())
                .param("note", e.note())
                .param("by", by)
                .param("at", ts(at))
                .update(keys, "id");
        Number generated = keys.getKey();
        if (generated == null) {
            throw new IllegalStateException("No id generated for a version of " + e.key());
        }
        long id = generated.longValue();
        int ordinal = 0;
        for (HsReference h : e.hsCodes()) {
            jdbc.sql(
                            "INSERT INTO cl_entry_version_hs (version_id, ordinal, hs_code, confidence) VALUES (:id, :o, :code, :c)")
                    .param("id", id)
                    .param("o", ordinal++)
                    .param("code", h.code())
                    .param("c", h.confidence().name())
                    .update();
        }
    }

    // ---- acts, rules, suspensions --------------------------------------------------------------------------------

    public boolean legalActExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM cl_legal_act WHERE act_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insertLegalAct(LegalAct a, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO cl_legal_act (act_key, act_number, title, issuing_bodies, issued_on, issued_on_confidence,
                    effective_from, effective_from_confidence, confidence, source, note, created_by, created_at)
                VALUES (:key, :number, :title, :bodies, :issued, :issuedC, :from, :fromC, :confidence, :source,
                    :note, :by, :at)""")
                .param("key", a.key())
                .param("number", a.number())
                .param("title", a.title())
                .param("bodies", String.join(",", a.issuingBodies()))
                .param("issued", a.issuedOn())
                .param(
                        "issuedC",
                        a.issuedOnConfidence() == null
                                ? null
                                : a.issuedOnConfidence().name())
                .param("from", a.effectiveFrom())
                .param(
                        "fromC",
                        a.effectiveFromConfidence() == null
                                ? null
                                : a.effectiveFromConfidence().name())
                .param("confidence", a.confidence().name())
                .param("source", a.source())
                .param("note", a.note())
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    public void insertRule(ControlRule r, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO cl_rule (rule_key, kind, legal_act_key, article, description, destinations, end_uses,
                    applies_to_acts, value_threshold_percent, effective_from, effective_to, confidence, note,
                    created_by, created_at)
                VALUES (:key, :kind, :act, :article, :description, :destinations, :endUses, :appliesTo, :threshold,
                    :from, :to, :confidence, :note, :by, :at)""")
                .param("key", r.key())
                .param("kind", r.kind().name())
                .param("act", r.legalActKey())
                .param("article", r.article())
                .param("description", r.description())
                .param("destinations", String.join(",", r.destinations()))
                .param(
                        "endUses",
                        String.join(",", r.endUses().stream().map(Enum::name).toList()))
                .param("appliesTo", String.join(",", r.appliesToActs()))
                .param("threshold", r.valueThresholdPercent())
                .param("from", r.effectiveFrom())
                .param("to", r.effectiveTo())
                .param("confidence", r.confidence().name())
                .param("note", r.note())
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    public boolean ruleExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM cl_rule WHERE rule_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean suspensionExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM cl_suspension WHERE suspension_key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insertSuspension(Suspension s, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO cl_suspension (suspension_key, legal_act_key, suspends_acts, suspends_rules, starts_on,
                    ends_on, extension_verified, supersedes, confidence, note, created_by, created_at)
                VALUES (:key, :act, :acts, :rules, :starts, :ends, :verified, :supersedes, :confidence, :note, :by, :at)""")
                .param("key", s.key())
                .param("act", s.legalActKey())
                .param("acts", String.join(",", s.suspendsActs()))
                .param("rules", String.join(",", s.suspendsRules()))
                .param("starts", s.startsOn())
                .param("ends", s.endsOn())
                .param("verified", s.extensionVerified())
                .param("supersedes", s.supersedes())
                .param("confidence", s.confidence().name())
                .param("note", s.note())
                .param("by", by)
                .param("at", ts(at))
                .update();
    }

    // ---- mapping -------------------------------------------------------------------------------------------------

    private static LegalAct legalAct(ResultSet rs) throws SQLException {
        return new LegalAct(
                rs.getString("act_key"),
                rs.getString("act_number"),
                rs.getString("title"),
                split(rs.getString("issuing_bodies")),
                date(rs, "issued_on"),
                confidence(rs.getString("issued_on_confidence")),
                date(rs, "effective_from"),
                confidence(rs.getString("effective_from_confidence")),
                Confidence.valueOf(rs.getString("confidence")),
                rs.getString("source"),
                rs.getString("note"));
    }

    private static ControlEntry entry(ResultSet rs, List<HsReference> hs) throws SQLException {
        return new ControlEntry(
                rs.getString("entry_key"),
                rs.getInt("version_no"),
                rs.getString("control_number"),
                Confidence.valueOf(rs.getString("control_number_confidence")),
                split(rs.getString("elements")),
                split(rs.getString("forms")).stream().map(ItemForm::valueOf).toList(),
                split(rs.getString("keywords")),
                rs.getString("description"),
                hs,
                rs.getString("legal_act_key"),
                date(rs, "effective_from"),
                date(rs, "effective_to"),
                Confidence.valueOf(rs.getString("confidence")),
                rs.getString("note"),
                rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static ControlRule rule(ResultSet rs) throws SQLException {
        BigDecimal threshold = rs.getBigDecimal("value_threshold_percent");
        return new ControlRule(
                rs.getString("rule_key"),
                RuleKind.valueOf(rs.getString("kind")),
                rs.getString("legal_act_key"),
                rs.getString("article"),
                rs.getString("description"),
                split(rs.getString("destinations")),
                split(rs.getString("end_uses")).stream().map(EndUse::valueOf).toList(),
                split(rs.getString("applies_to_acts")),
                threshold == null ? null : threshold.stripTrailingZeros(),
                date(rs, "effective_from"),
                date(rs, "effective_to"),
                Confidence.valueOf(rs.getString("confidence")),
                rs.getString("note"));
    }

    private static Suspension suspension(ResultSet rs) throws SQLException {
        return new Suspension(
                rs.getString("suspension_key"),
                rs.getString("legal_act_key"),
                split(rs.getString("suspends_acts")),
                split(rs.getString("suspends_rules")),
                date(rs, "starts_on"),
                date(rs, "ends_on"),
                rs.getBoolean("extension_verified"),
                rs.getString("supersedes"),
                Confidence.valueOf(rs.getString("confidence")),
                rs.getString("note"),
                rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    private static List<String> split(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static @Nullable Confidence confidence(@Nullable String s) {
        return s == null ? null : Confidence.valueOf(s);
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
