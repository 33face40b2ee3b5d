package org.lodestone.screening.lists.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ActiveEntries;
import org.lodestone.screening.lists.DiffEntry;
import org.lodestone.screening.lists.DiffKind;
import org.lodestone.screening.lists.EntryDetails;
import org.lodestone.screening.lists.ListEntry;
import org.lodestone.screening.lists.ListFormat;
import org.lodestone.screening.lists.RejectedLine;
import org.lodestone.screening.lists.Release;
import org.lodestone.screening.lists.ReleaseState;
import org.lodestone.screening.lists.RestrictedList;
import org.lodestone.screening.matching.EntryIdentifier;
import org.lodestone.screening.matching.ListedEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sc_*} tables. Methods join the caller's transaction; {@link #forEach} opens its own read-only one. */
public class ListStore implements ActiveEntries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, String>>> IDS = new TypeReference<>() {};

    private static final String RELEASE_COLUMNS = """
            id, list_code, format, state, file_name, sha256, size_bytes, read_count, imported_count, skipped_count,
            rejected_count, previous_release, added_count, changed_count, removed_count, uploaded_by, started_at,
            finished_at, failure_reason, entries_purged_at""";

    private static final String ENTRY_COLUMNS = """
            e.release_id, e.entry_id, e.schema_name, e.caption, e.names, e.countries, e.identifiers, e.programme,
            e.legal_basis, e.listed_on, e.remarks, e.source_url, e.fingerprint""";

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ListStore(DataSource dataSource) {
        this.sql = JdbcClient.create(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    // ---- lists

    /** Creates the list unless it exists; returns whether it was created. */
    public boolean createList(String code, String name, @Nullable String publisher, String kind, Instant at) {
        if (sql.sql("SELECT COUNT(*) FROM sc_list WHERE code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0) {
            return false;
        }
        sql.sql("INSERT INTO sc_list (code, name, publisher, kind, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(code, name, publisher, kind, ts(at))
                .update();
        return true;
    }

    /** Locks the list row until the transaction ends, so that two imports of one list serialise their checks. */
    public boolean lockList(String code) {
        return !sql.sql("SELECT code FROM sc_list WHERE code = ? FOR UPDATE")
                .param(code)
                .query(String.class)
                .list()
                .isEmpty();
    }

    public List<RestrictedList> lists() {
        List<RestrictedList> out = new ArrayList<>();
        sql.sql("SELECT code, name, publisher, kind FROM sc_list ORDER BY code").query(rs -> {
            out.add(new RestrictedList(
                    rs.getString("code"), rs.getString("name"), rs.getString("publisher"), rs.getString("kind"), null));
        });
        return out.stream()
                .map(l -> new RestrictedList(
                        l.code(),
                        l.name(),
                        l.publisher(),
                        l.kind(),
                        active(l.code()).orElse(null)))
                .toList();
    }

    public Optional<RestrictedList> list(String code) {
        return lists().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    // ---- releases

    public void insertRelease(
            UUID id, String listCode, ListFormat format, @Nullable String fileName, String uploadedBy, Instant at) {
        sql.sql("""
                INSERT INTO sc_release (id, list_code, format, state, file_name, uploaded_by, started_at)
                VALUES (?, ?, ?, 'LOADING', ?, ?, ?)""")
                .params(id, listCode, format.code(), fileName, uploadedBy, ts(at))
                .update();
    }

    public Optional<Release> release(UUID id) {
        return sql.sql("SELECT " + RELEASE_COLUMNS + " FROM sc_release WHERE id = ?")
                .param(id)
                .query(ListStore::release)
                .optional();
    }

    public List<Release> releases(String listCode) {
        return sql.sql("SELECT " + RELEASE_COLUMNS
                        + " FROM sc_release WHERE list_code = ? ORDER BY started_at DESC, id")
                .param(listCode)
                .query(ListStore::release)
                .list();
    }

    public Optional<Release> active(String listCode) {
        return inState(listCode, ReleaseState.ACTIVE).stream().findFirst();
    }

    public List<Release> inState(String listCode, ReleaseState state) {
        return sql.sql("SELECT " + RELEASE_COLUMNS + " FROM sc_release WHERE list_code = ? AND state = ?")
                .params(listCode, state.name())
                .query(ListStore::release)
                .list();
    }

    public void recordFile(
            UUID id, String sha256, long sizeBytes, long read, long imported, long skipped, long rejected) {
        sql.sql("""
                UPDATE sc_release SET sha256 = ?, size_bytes = ?, read_count = ?, imported_count = ?,
                    skipped_count = ?, rejected_count = ? WHERE id = ?""")
                .params(sha256, sizeBytes, read, imported, skipped, rejected, id)
                .update();
    }

    /** Entry counts of {@code release} against {@code previous}: added, changed, removed. */
    public int[] diffCounts(UUID release, @Nullable UUID previous) {
        if (previous == null) {
            long all = sql.sql("SELECT COUNT(*) FROM sc_entry WHERE release_id = ?")
                    .param(release)
                    .query(Long.class)
                    .single();
            return new int[] {(int) all, 0, 0};
        }
        return new int[] {
            count(DiffKind.ADDED, release, previous),
            count(DiffKind.CHANGED, release, previous),
            count(DiffKind.REMOVED, release, previous)
        };
    }

    private int count(DiffKind kind, UUID release, UUID previous) {
        return sql.sql("SELECT COUNT(*) FROM (" + diffQuery(kind) + ") d")
                .param("new", release)
                .param("old", previous)
                .query(Long.class)
                .single()
                .intValue();
    }

    public void activate(UUID id, @Nullable UUID previous, int[] counts, Instant at) {
        if (previous != null) {
            sql.sql("UPDATE sc_release SET state = 'SUPERSEDED' WHERE id = ? AND state = 'ACTIVE'")
                    .param(previous)
                    .update();
        }
        sql.sql("""
                UPDATE sc_release SET state = 'ACTIVE', previous_release = ?, added_count = ?, changed_count = ?,
                    removed_count = ?, finished_at = ? WHERE id = ?""")
                .params(previous, counts[0], counts[1], counts[2], ts(at), id)
                .update();
    }

    public void fail(UUID id, String reason, Instant at) {
        deleteEntries(id);
        sql.sql("UPDATE sc_release SET state = 'FAILED', failure_reason = ?, finished_at = ? WHERE id = ?")
                .params(reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason, ts(at), id)
                .update();
    }

    /** Releases left LOADING by a process that stopped: their ids. */
    public List<UUID> loading() {
        return sql.sql("SELECT id FROM sc_release WHERE state = 'LOADING'")
                .query(UUID.class)
                .list();
    }

    /** Deletes the entries of all but the newest {@code keep} activated releases of the list. */
    public int purgeOlderThan(String listCode, int keep, Instant at) {
        List<UUID> activated = sql.sql("""
                SELECT id FROM sc_release WHERE list_code = ? AND state IN ('ACTIVE', 'SUPERSEDED')
                    AND entries_purged_at IS NULL ORDER BY finished_at DESC, started_at DESC""").param(listCode).query(UUID.class).list();
        int purged = 0;
        for (UUID old : activated.subList(Math.min(keep, activated.size()), activated.size())) {
            deleteEntries(old);
            sql.sql("UPDATE sc_release SET entries_purged_at = ? WHERE id = ?")
                    .params(ts(at), old)
                    .update();
            purged++;
        }
        return purged;
    }

    private void deleteEntries(UUID release) {
        sql.sql("DELETE FROM sc_entry WHERE release_id = ?").param(release).update();
    }

    // ---- entries and rejected lines

    public void insertEntries(UUID release, List<ListEntry> entries) {
        jdbc.batchUpdate("""
                INSERT INTO sc_entry (release_id, entry_id, schema_name, caption, names, countries, identifiers,
                    programme, legal_basis, listed_on, remarks, source_url, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, e) -> {
            ps.setObject(1, release);
            ps.setString(2, e.entryId());
            ps.setString(3, e.schema());
            ps.setString(4, e.caption());
            ps.setString(5, String.join("\n", e.names()));
            ps.setString(6, e.countries().isEmpty() ? " " : " " + String.join(" ", e.countries()) + " ");
            ps.setString(7, identifiers(e.identifiers()));
            ps.setString(8, e.programme());
            ps.setString(9, e.legalBasis());
            ps.setObject(10, e.listedOn());
            ps.setString(11, e.remarks());
            ps.setString(12, e.sourceUrl());
            ps.setString(13, e.fingerprint());
        });
    }

    public void insertRejected(UUID release, List<RejectedLine> lines) {
        jdbc.batchUpdate(
                "INSERT INTO sc_rejected_line (release_id, line_no, reason, excerpt) VALUES (?, ?, ?, ?)",
                lines,
                lines.size(),
                (ps, l) -> {
                    ps.setObject(1, release);
                    ps.setLong(2, l.line());
                    ps.setString(3, l.reason().length() > 500 ? l.reason().substring(0, 499) + "…" : l.reason());
                    ps.setString(4, l.excerpt().length() > 200 ? l.excerpt().substring(0, 199) + "…" : l.excerpt());
                });
    }

    public List<RejectedLine> rejected(UUID release, int limit) {
        return sql.sql("SELECT line_no, reason, excerpt FROM sc_rejected_line WHERE release_id = ? ORDER BY line_no"
                        + " LIMIT ?")
                .params(release, limit)
                .query((rs, n) ->
                        new RejectedLine(rs.getLong("line_no"), rs.getString("reason"), nz(rs.getString("excerpt"))))
                .list();
    }

    public long entryCount(UUID release) {
        return sql.sql("SELECT COUNT(*) FROM sc_entry WHERE release_id = ?")
                .param(release)
                .query(Long.class)
                .single();
    }

    /** One page of the diff of {@code release} against {@code previous}, by entry id. */
    public List<DiffEntry> diff(UUID release, @Nullable UUID previous, DiffKind kind, int offset, int limit) {
        if (previous == null) {
            if (kind != DiffKind.ADDED) {
                return List.of();
            }
            return sql.sql("SELECT " + ENTRY_COLUMNS
                            + ", NULL AS previous_fingerprint FROM sc_entry e WHERE e.release_id = :new"
                            + " ORDER BY e.entry_id LIMIT :limit OFFSET :offset")
                    .param("new", release)
                    .param("limit", limit)
                    .param("offset", offset)
                    .query((rs, n) -> diffEntry(kind, rs))
                    .list();
        }
        return sql.sql(diffQuery(kind) + " ORDER BY entry_id LIMIT :limit OFFSET :offset")
                .param("new", release)
                .param("old", previous)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> diffEntry(kind, rs))
                .list();
    }

    private static String diffQuery(DiffKind kind) {
        return switch (kind) {
            case ADDED ->
                "SELECT " + ENTRY_COLUMNS + ", NULL AS previous_fingerprint FROM sc_entry e"
                        + " WHERE e.release_id = :new AND NOT EXISTS (SELECT 1 FROM sc_entry o"
                        + " WHERE o.release_id = :old AND o.entry_id = e.entry_id)";
            case CHANGED ->
                "SELECT " + ENTRY_COLUMNS + ", o.fingerprint AS previous_fingerprint FROM sc_entry e"
                        + " JOIN sc_entry o ON o.release_id = :old AND o.entry_id = e.entry_id"
                        + " WHERE e.release_id = :new AND o.fingerprint <> e.fingerprint";
            case REMOVED ->
                "SELECT " + ENTRY_COLUMNS + ", e.fingerprint AS previous_fingerprint FROM sc_entry e"
                        + " WHERE e.release_id = :old AND NOT EXISTS (SELECT 1 FROM sc_entry n"
                        + " WHERE n.release_id = :new AND n.entry_id = e.entry_id)";
        };
    }

    private static DiffEntry diffEntry(DiffKind kind, ResultSet rs) throws SQLException {
        return new DiffEntry(
                kind,
                rs.getString("entry_id"),
                rs.getString("schema_name"),
                rs.getString("caption"),
                Arrays.asList(rs.getString("names").split("\n")),
                countries(rs.getString("countries")),
                rs.getString("programme"),
                rs.getString("fingerprint"),
                rs.getString("previous_fingerprint"));
    }

    // ---- ActiveEntries

    @Override
    public void forEach(Consumer<ListedEntry> sink) {
        // A transaction so that PostgreSQL honours the fetch size (it streams with a cursor only outside autocommit).
        readOnly.executeWithoutResult(status -> {
            var template = new JdbcTemplate(jdbc.getDataSource());
            template.setFetchSize(1000);
            template.query(
                    "SELECT r.list_code, e.entry_id, e.schema_name, e.names, e.countries, e.identifiers FROM sc_entry e"
                            + " JOIN sc_release r ON r.id = e.release_id WHERE r.state = 'ACTIVE'",
                    rs -> {
                        sink.accept(new ListedEntry(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                Arrays.asList(rs.getString(4).split("\n")),
                                new java.util.HashSet<>(countries(rs.getString(5))),
                                identifiersOf(rs.getString(6))));
                    });
        });
    }

    @Override
    public Optional<EntryDetails> find(String listCode, String entryId) {
        return sql.sql("SELECT r.list_code, " + ENTRY_COLUMNS + " FROM sc_entry e JOIN sc_release r ON r.id ="
                        + " e.release_id WHERE r.list_code = ? AND r.state = 'ACTIVE' AND e.entry_id = ?")
                .params(listCode, entryId)
                .query((rs, n) -> new EntryDetails(
                        new ListedEntry(
                                rs.getString("list_code"),
                                rs.getString("entry_id"),
                                rs.getString("schema_name"),
                                Arrays.asList(rs.getString("names").split("\n")),
                                new java.util.HashSet<>(countries(rs.getString("countries"))),
                                identifiersOf(rs.getString("identifiers"))),
                        rs.getObject("release_id", UUID.class),
                        rs.getString("fingerprint"),
                        rs.getString("programme"),
                        rs.getString("legal_basis"),
                        rs.getObject("listed_on", LocalDate.class),
                        rs.getString("remarks"),
                        rs.getString("source_url")))
                .optional();
    }

    // ---- mapping

    private static Release release(ResultSet rs, int n) throws SQLException {
        return new Release(
                rs.getObject("id", UUID.class),
                rs.getString("list_code"),
                ListFormat.of(rs.getString("format")).orElseThrow(),
                ReleaseState.valueOf(rs.getString("state")),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getLong("read_count"),
                rs.getLong("imported_count"),
                rs.getLong("skipped_count"),
                rs.getLong("rejected_count"),
                rs.getObject("previous_release", UUID.class),
                (Integer) rs.getObject("added_count", Integer.class),
                (Integer) rs.getObject("changed_count", Integer.class),
                (Integer) rs.getObject("removed_count", Integer.class),
                rs.getString("uploaded_by"),
                instant(rs, "started_at"),
                instantOrNull(rs, "finished_at"),
                rs.getString("failure_reason"),
                instantOrNull(rs, "entries_purged_at"));
    }

    private static String identifiers(List<EntryIdentifier> ids) {
        List<Map<String, String>> out = new ArrayList<>(ids.size());
        for (EntryIdentifier id : ids) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("type", id.type());
            m.put("value", id.value());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    private static List<EntryIdentifier> identifiersOf(String json) {
        return JSON.readValue(json, IDS).stream()
                .map(m -> new EntryIdentifier(nz(m.get("type")), nz(m.get("value"))))
                .toList();
    }

    private static List<String> countries(@Nullable String column) {
        return column == null || column.isBlank()
                ? List.of()
                : List.of(column.strip().split(" "));
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
