package org.lodestone.traceability.epcis.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.epcis.BizTransaction;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventQuery;
import org.lodestone.traceability.epcis.EventQuery.Match;
import org.lodestone.traceability.epcis.EventQuery.Role;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event repository's tables: immutable event rows keyed by {@code seq}, their EPC/class and business transaction
 * index rows, and the enterprises that may read each. Callers own the transaction; {@link #lockSeq} serialises
 * capturing transactions so seqs commit in ascending order (the paging key never skips). Inserts are JDBC batches.
 * Guarded by {@code EventStoreContractTests} on H2 and PostgreSQL.
 */
public class EventStore {

    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NamedParameterJdbcTemplate named;

    public EventStore(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.named = new NamedParameterJdbcTemplate(template);
    }

    /** One event to insert: the model, its content hash, its JSON-LD body with recordTime, and its readers. */
    public record NewEvent(EpcisEvent event, String contentHash, String body, Set<OrganisationId> readers) {}

    /** Who captured, and when, for a batch of events. */
    public record Capture(
            UUID captureId,
            OrganisationId reporter,
            @Nullable String reporterRegion,
            Instant recordTime) {}

    /** One stored event as queries answer it. */
    public record Row(
            long seq,
            String eventId,
            OrganisationId reporter,
            @Nullable String reporterRegion,
            String body) {}

    /**
     * Who asks: an enterprise reads the events it may read ({@code organisation}); an authority reads the events whose
     * reporter region lies in its jurisdiction; {@code everything} is for the system itself.
     */
    public record Visibility(
            @Nullable OrganisationId organisation, @Nullable String jurisdiction, boolean everything) {

        public static Visibility enterprise(OrganisationId organisation) {
            return new Visibility(organisation, null, false);
        }

        public static Visibility jurisdiction(String jurisdiction) {
            return new Visibility(null, jurisdiction, false);
        }

        public static final Visibility ALL = new Visibility(null, null, true);
    }

    /** Locks the seq counter until the transaction ends and returns the next seq to hand out. */
    public long lockSeq() {
        return jdbc.sql("SELECT next_seq FROM ep_counter WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
    }

    /**
     * The dedup key of an event: its eventID, or for an error declaration (the event again with
     * {@code errorDeclaration}) the eventID marked as such, since both are kept.
     */
    public static String key(EpcisEvent event) {
        return key(event.eventId(), declared(event));
    }

    private static String key(String eventId, boolean declared) {
        return declared ? eventId + "#errorDeclaration" : eventId;
    }

    private static boolean declared(EpcisEvent event) {
        return event.json().has("errorDeclaration");
    }

    /** Content hashes of the stored events with these eventIDs, by {@link #key}. */
    public Map<String, String> hashes(Collection<String> eventIds) {
        var out = new HashMap<String, String>();
        List<String> all = List.copyOf(eventIds);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> part = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            jdbc.sql("SELECT event_id, error_declared, content_hash FROM ep_event WHERE event_id IN (:ids)")
                    .param("ids", part)
                    .query((rs, n) -> out.put(key(rs.getString(1), rs.getBoolean(2)), rs.getString(3)))
                    .list();
        }
        return out;
    }

    /**
     * Inserts the events with seqs from {@code firstSeq} on and moves the counter past them (the caller holds
     * {@link #lockSeq}). Returns the seq of each event, in order.
     */
    public long[] insert(List<NewEvent> events, long firstSeq, Capture capture) {
        long[] seqs = new long[events.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = firstSeq + i;
        }
        if (events.isEmpty()) {
            return seqs;
        }
        OffsetDateTime recordTime = ts(capture.recordTime());
        template.batchUpdate("""
                INSERT INTO ep_event (seq, event_id, content_hash, event_type, event_time, time_zone_offset,
                    record_time, action, biz_step, disposition, read_point, biz_location, capture_id, reporter_org,
                    reporter_region, body, error_declared)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewEvent n = events.get(i);
                EpcisEvent e = n.event();
                ps.setLong(1, seqs[i]);
                ps.setString(2, e.eventId());
                ps.setString(3, n.contentHash());
                ps.setString(4, e.type().name());
                ps.setObject(5, ts(e.eventTime()));
                ps.setString(6, e.eventTimeZoneOffset());
                ps.setObject(7, recordTime);
                setNullable(ps, 8, e.action() == null ? null : e.action().name());
                setNullable(ps, 9, e.bizStep());
                setNullable(ps, 10, e.disposition());
                setNullable(ps, 11, e.readPoint());
                setNullable(ps, 12, e.bizLocation());
                ps.setObject(13, capture.captureId());
                ps.setObject(14, capture.reporter().value());
                setNullable(ps, 15, capture.reporterRegion());
                ps.setString(16, n.body());
                ps.setBoolean(17, declared(e));
            }

            @Override
            public int getBatchSize() {
                return events.size();
            }
        });
        // Index rows as typed batches (no per-value type lookup): they are most of the rows a capture writes.
        var epcs = new ArrayList<IndexRow>();
        var txs = new ArrayList<IndexRow>();
        var readers = new ArrayList<ReaderRow>();
        for (int i = 0; i < events.size(); i++) {
            long seq = seqs[i];
            EpcisEvent e = events.get(i).event();
            boolean child = e.type() == EventType.AGGREGATION || e.type() == EventType.ASSOCIATION;
            addAll(epcs, seq, child ? Role.CHILD : Role.EPC, e.epcList());
            if (e.parentId() != null) {
                epcs.add(new IndexRow(seq, String.valueOf(Role.PARENT.code()), e.parentId()));
            }
            addAll(epcs, seq, Role.INPUT, e.inputEpcList());
            addAll(epcs, seq, Role.OUTPUT, e.outputEpcList());
            addClasses(epcs, seq, Role.QUANTITY_CLASS, e.quantityList());
            addClasses(epcs, seq, Role.INPUT_CLASS, e.inputQuantityList());
            addClasses(epcs, seq, Role.OUTPUT_CLASS, e.outputQuantityList());
            for (BizTransaction t : e.bizTransactionList()) {
                txs.add(new IndexRow(seq, t.type() == null ? "" : t.type(), t.value()));
            }
            for (OrganisationId reader : events.get(i).readers()) {
                readers.add(new ReaderRow(reader.value(), seq));
            }
        }
        batch("INSERT INTO ep_event_epc (seq, role, epc) VALUES (?, ?, ?)", epcs);
        batch("INSERT INTO ep_event_biz_tx (seq, tx_type, tx_value) VALUES (?, ?, ?)", txs);
        if (!readers.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO ep_event_reader (organisation, seq) VALUES (?, ?)",
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            ps.setObject(1, readers.get(i).organisation());
                            ps.setLong(2, readers.get(i).seq());
                        }

                        @Override
                        public int getBatchSize() {
                            return readers.size();
                        }
                    });
        }
        jdbc.sql("UPDATE ep_counter SET next_seq = :next WHERE id = 1")
                .param("next", firstSeq + events.size())
                .update();
        return seqs;
    }

    private record IndexRow(long seq, String key, String value) {}

    private record ReaderRow(UUID organisation, long seq) {}

    private void batch(String sql, List<IndexRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                IndexRow r = rows.get(i);
                ps.setLong(1, r.seq());
                ps.setString(2, r.key());
                ps.setString(3, r.value());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void addAll(List<IndexRow> rows, long seq, Role role, List<String> values) {
        String code = String.valueOf(role.code());
        for (String v : values) {
            rows.add(new IndexRow(seq, code, v));
        }
    }

    private static void addClasses(List<IndexRow> rows, long seq, Role role, List<QuantityElement> values) {
        String code = String.valueOf(role.code());
        for (QuantityElement q : values) {
            rows.add(new IndexRow(seq, code, q.epcClass()));
        }
    }

    /** The event with this eventID, if the caller may see it. */
    public Optional<Row> find(String eventId, Visibility visibility) {
        return query(EventQuery.byEventId(eventId), visibility, 0, 1).stream().findFirst();
    }

    /** At most {@code limit} events matching the query with seq above {@code afterSeq}, in seq order. */
    public List<Row> query(EventQuery q, Visibility visibility, long afterSeq, int limit) {
        var sql = new StringBuilder("""
                SELECT e.seq, e.event_id, e.reporter_org, e.reporter_region, e.body FROM ep_event e
                WHERE e.seq > :after""");
        var p = new MapSqlParameterSource("after", afterSeq);
        if (!q.eventTypes().isEmpty()) {
            sql.append(" AND e.event_type IN (:types)");
            p.addValue("types", q.eventTypes().stream().map(Enum::name).toList());
        }
        range(sql, p, "e.event_time >= :geEventTime", "geEventTime", q.geEventTime());
        range(sql, p, "e.event_time < :ltEventTime", "ltEventTime", q.ltEventTime());
        range(sql, p, "e.record_time >= :geRecordTime", "geRecordTime", q.geRecordTime());
        range(sql, p, "e.record_time < :ltRecordTime", "ltRecordTime", q.ltRecordTime());
        in(sql, p, "e.action", "actions", q.actions().stream().map(Enum::name).toList());
        in(sql, p, "e.biz_step", "bizSteps", q.bizSteps());
        in(sql, p, "e.disposition", "dispositions", q.dispositions());
        in(sql, p, "e.read_point", "readPoints", q.readPoints());
        in(sql, p, "e.biz_location", "bizLocations", q.bizLocations());
        in(sql, p, "e.event_id", "eventIds", q.eventIds());
        int m = 0;
        for (Match match : q.epcMatches()) {
            String roles = "r" + m;
            p.addValue(
                    roles,
                    match.roles().stream().map(r -> String.valueOf(r.code())).toList());
            sql.append(" AND e.seq IN (SELECT x.seq FROM ep_event_epc x WHERE x.role IN (:")
                    .append(roles)
                    .append(") AND (");
            List<String> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (String v : match.values()) {
                String prefix = Patterns.prefix(v);
                if (prefix == null) {
                    exact.add(v);
                } else {
                    prefixes.add(prefix);
                }
            }
            var alternatives = new ArrayList<String>();
            if (!exact.isEmpty()) {
                p.addValue("v" + m, exact);
                alternatives.add("x.epc IN (:v" + m + ")");
            }
            for (int k = 0; k < prefixes.size(); k++) {
                String name = "v" + m + "_" + k;
                p.addValue(name, Patterns.escapeLike(prefixes.get(k)) + "%");
                alternatives.add("x.epc LIKE :" + name + " ESCAPE '\\'");
            }
            sql.append(String.join(" OR ", alternatives)).append("))");
            m++;
        }
        int t = 0;
        for (Match match : q.bizTransactions()) {
            sql.append(" AND e.seq IN (SELECT b.seq FROM ep_event_biz_tx b WHERE b.tx_type = :bt")
                    .append(t)
                    .append(" AND b.tx_value IN (:bv")
                    .append(t)
                    .append("))");
            p.addValue("bt" + t, match.key());
            p.addValue("bv" + t, match.values());
            t++;
        }
        if (!visibility.everything()) {
            if (visibility.organisation() != null) {
                sql.append(" AND e.seq IN (SELECT r.seq FROM ep_event_reader r WHERE r.organisation = :reader)");
                p.addValue("reader", visibility.organisation().value());
            } else if (visibility.jurisdiction() != null) {
                sql.append(" AND (e.reporter_region = :jurisdiction OR e.reporter_region LIKE :jurisdictionLike)");
                p.addValue("jurisdiction", visibility.jurisdiction());
                p.addValue("jurisdictionLike", Patterns.escapeLike(visibility.jurisdiction()) + "-%");
            } else {
                return List.of();
            }
        }
        sql.append(" ORDER BY e.seq LIMIT :limit");
        p.addValue("limit", limit);
        return named.query(
                sql.toString(),
                p,
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        new OrganisationId(rs.getObject(3, UUID.class)),
                        rs.getString(4),
                        rs.getString(5)));
    }

    /** Enterprises recorded as readers of the event with this seq (for tests and projections). */
    public Set<OrganisationId> readers(long seq) {
        return jdbc.sql("SELECT organisation FROM ep_event_reader WHERE seq = :seq")
                .param("seq", seq)
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .set();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ep_event").query(Long.class).single();
    }

    /** The number of events stored by one capture. */
    public int countByCapture(UUID captureId) {
        return jdbc.sql("SELECT COUNT(*) FROM ep_event WHERE capture_id = :id")
                .param("id", captureId)
                .query(Integer.class)
                .single();
    }

    private static void range(
            StringBuilder sql, MapSqlParameterSource p, String condition, String name, @Nullable Instant at) {
        if (at != null) {
            sql.append(" AND ").append(condition);
            p.addValue(name, ts(at));
        }
    }

    private static void in(
            StringBuilder sql, MapSqlParameterSource p, String column, String name, Collection<String> v) {
        if (!v.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (:").append(name).append(")");
            p.addValue(name, List.copyOf(v));
        }
    }

    private static void setNullable(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** EPC pure-identity patterns ({@code urn:epc:idpat:sgtin:0614141.112345.*}) as prefixes of EPC URIs. */
    static final class Patterns {

        private Patterns() {}

        /** The prefix an idpat pattern with a trailing wildcard stands for, or null for an exact identifier. */
        static @Nullable String prefix(String value) {
            if (!value.startsWith("urn:epc:idpat:") || !value.endsWith("*")) {
                return null;
            }
            String body = value.substring("urn:epc:idpat:".length(), value.length() - 1);
            return "urn:epc:id:" + body;
        }

        static String escapeLike(String s) {
            return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
