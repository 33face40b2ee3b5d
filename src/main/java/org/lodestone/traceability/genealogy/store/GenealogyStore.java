package org.lodestone.traceability.genealogy.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The genealogy tables ({@code tr_gen_*}). Writes are batched per capture (one statement per kind of row, not per
 * event) so the projection keeps up with capture; reads are IN-list lookups on the two link indexes, one per generation
 * of a trace. Guarded by {@code GenealogyStoreContractTests} on H2 and PostgreSQL.
 */
@Repository
public class GenealogyStore {

    /** IN lists are cut to this size: large enough for few round trips, small enough for both databases' planners. */
    static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public GenealogyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
    }

    // ---- rows ------------------------------------------------------------------------------------------------------

    public enum NodeKind {
        LOT,
        INSTANCE,
        SHIPMENT,
        SITE
    }

    public record Node(
            long id,
            String identifier,
            NodeKind kind,
            @Nullable String productType,
            @Nullable String origin,
            @Nullable Long originSeq,
            @Nullable UUID owner,
            @Nullable Long inTransitSeq,
            @Nullable Integer generation) {}

    public record EventRow(
            long seq,
            String eventId,
            Instant eventTime,
            UUID reporter,
            @Nullable String region) {}

    public record Link(
            long from,
            long to,
            String kind,
            long eventSeq,
            Instant eventTime,
            @Nullable BigDecimal quantity,
            @Nullable String uom,
            @Nullable BigDecimal outQuantity,
            @Nullable String outUom,
            UUID reporter,
            @Nullable String region) {}

    public record Shipment(
            long nodeId,
            long eventSeq,
            @Nullable String sourceParty,
            @Nullable String sourceLocation,
            @Nullable String destParty,
            @Nullable String destLocation,
            @Nullable String licenceNumber) {}

    /** What came in or went out of one holder; deltas are added to the stored totals. */
    public record Stock(long nodeId, String holder, String unit, BigDecimal in, BigDecimal out) {
        public Key key() {
            return new Key(nodeId, holder, unit);
        }

        public record Key(long nodeId, String holder, String unit) {}
    }

    /** Origin facts; null fields leave what is stored (the first origin wins). */
    public record OriginFact(
            long nodeId,
            String origin,
            long seq,
            @Nullable UUID owner,
            @Nullable String productType) {}

    /**
     * Who may see which links: an authority its jurisdiction (region equal to it or below it), a reporter only links
     * from its own events; {@link #ALL} for internal checks.
     */
    public record Scope(
            @Nullable String regionPrefix, @Nullable UUID reporter) {
        public static final Scope ALL = new Scope(null, null);
    }

    // ---- nodes -----------------------------------------------------------------------------------------------------

    /** Ids of these identifiers, creating nodes of the given kind for those not seen before. */
    public Map<String, Long> intern(Map<String, NodeKind> identifiers) {
        Map<String, Long> ids = new HashMap<>(ids(identifiers.keySet()));
        List<Object[]> missing = new ArrayList<>();
        identifiers.forEach((identifier, kind) -> {
            if (!ids.containsKey(identifier)) {
                missing.add(new Object[] {identifier, kind.name()});
            }
        });
        if (!missing.isEmpty()) {
            // ON CONFLICT: a concurrent capture may intern the same identifier; its row is as good as ours.
            jdbc.batchUpdate(
                    "INSERT INTO tr_gen_node (identifier, kind) VALUES (?, ?) ON CONFLICT DO NOTHING", missing);
            ids.putAll(ids(missing.stream().map(m -> (String) m[0]).toList()));
        }
        return ids;
    }

    private Map<String, Long> ids(Collection<String> identifiers) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(identifiers)) {
            client.sql("SELECT id, identifier FROM tr_gen_node WHERE identifier IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
                    .list();
        }
        return ids;
    }

    public Optional<Node> node(String identifier) {
        return client.sql("SELECT * FROM tr_gen_node WHERE identifier = :identifier")
                .param("identifier", identifier)
                .query(GenealogyStore::node)
                .optional();
    }

    public Map<Long, Node> nodes(Collection<Long> ids) {
        Map<Long, Node> nodes = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            client.sql("SELECT * FROM tr_gen_node WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query(GenealogyStore::node)
                    .list()
                    .forEach(n -> nodes.put(n.id(), n));
        }
        return nodes;
    }

    public void recordOrigins(List<OriginFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE tr_gen_node SET origin = COALESCE(origin, ?), origin_seq = COALESCE(origin_seq, ?),
                    owner_id = COALESCE(owner_id, ?), product_type = COALESCE(product_type, ?)
                WHERE id = ?""", facts, facts.size(), (PreparedStatement ps, OriginFact f) -> {
            ps.setString(1, f.origin());
            ps.setLong(2, f.seq());
            ps.setObject(3, f.owner());
            ps.setString(4, f.productType());
            ps.setLong(5, f.nodeId());
        });
    }

    /** Stores the generation rank of nodes (see the migration: links go from lower to higher ranks). */
    public void setGenerations(Map<Long, Integer> generations) {
        if (generations.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Integer>> entries = new ArrayList<>(generations.entrySet());
        jdbc.batchUpdate(
                "UPDATE tr_gen_node SET generation = ? WHERE id = ?",
                entries,
                entries.size(),
                (PreparedStatement ps, Map.Entry<Long, Integer> e) -> {
                    ps.setInt(1, e.getValue());
                    ps.setLong(2, e.getKey());
                });
    }

    /** Sets (or clears, with null) the open shipping event of instance nodes. */
    public void setInTransit(Map<Long, @Nullable Long> inTransit) {
        if (inTransit.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, @Nullable Long>> entries = new ArrayList<>(inTransit.entrySet());
        jdbc.batchUpdate(
                "UPDATE tr_gen_node SET in_transit_seq = ? WHERE id = ?",
                entries,
                entries.size(),
                (PreparedStatement ps, Map.Entry<Long, @Nullable Long> e) -> {
                    if (e.getValue() == null) {
                        ps.setNull(1, Types.BIGINT);
                    } else {
                        ps.setLong(1, e.getValue());
                    }
                    ps.setLong(2, e.getKey());
                });
    }

    // ---- events, links, shipments ----------------------------------------------------------------------------------

    public void insertEvents(List<EventRow> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO tr_gen_event (seq, event_id, event_time, reporter_id, region) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", events, events.size(), (PreparedStatement ps, EventRow e) -> {
            ps.setLong(1, e.seq());
            ps.setString(2, e.eventId());
            ps.setObject(3, utc(e.eventTime()));
            ps.setObject(4, e.reporter());
            ps.setString(5, e.region());
        });
    }

    public Map<Long, EventRow> events(Collection<Long> seqs) {
        Map<Long, EventRow> events = new HashMap<>();
        for (List<Long> chunk : chunks(seqs)) {
            client.sql("SELECT * FROM tr_gen_event WHERE seq IN (:seqs)")
                    .param("seqs", chunk)
                    .query((rs, n) -> new EventRow(
                            rs.getLong("seq"),
                            rs.getString("event_id"),
                            instant(rs, "event_time"),
                            rs.getObject("reporter_id", UUID.class),
                            rs.getString("region")))
                    .list()
                    .forEach(e -> events.put(e.seq(), e));
        }
        return events;
    }

    public void insertLinks(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO tr_gen_link (from_node, to_node, kind, event_seq, event_time, quantity, uom, out_quantity,
                    out_uom, reporter_id, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", links, 1000, (PreparedStatement ps, Link l) -> {
            ps.setLong(1, l.from());
            ps.setLong(2, l.to());
            ps.setString(3, l.kind());
            ps.setLong(4, l.eventSeq());
            ps.setObject(5, utc(l.eventTime()));
            ps.setBigDecimal(6, l.quantity());
            ps.setString(7, l.uom());
            ps.setBigDecimal(8, l.outQuantity());
            ps.setString(9, l.outUom());
            ps.setObject(10, l.reporter());
            ps.setString(11, l.region());
        });
    }

    /**
     * The traversable links (not disaggregations) arriving at ({@code backward}) or leaving these nodes, as far as the
     * scope lets the caller see them.
     */
    public List<Link> links(Collection<Long> nodes, boolean backward, Scope scope) {
        List<Link> links = new ArrayList<>();
        String column = backward ? "to_node" : "from_node";
        StringBuilder sql = new StringBuilder(
                "SELECT * FROM tr_gen_link WHERE " + column + " IN (:ids) AND kind <> 'DISAGGREGATED'");
        Map<String, Object> params = new HashMap<>();
        if (scope.regionPrefix() != null) {
            sql.append(" AND (region = :region OR region LIKE :regionLike)");
            params.put("region", scope.regionPrefix());
            params.put("regionLike", scope.regionPrefix() + "-%");
        }
        if (scope.reporter() != null) {
            sql.append(" AND reporter_id = :reporter");
            params.put("reporter", scope.reporter());
        }
        for (List<Long> chunk : chunks(nodes)) {
            params.put("ids", chunk);
            links.addAll(client.sql(sql.toString())
                    .params(params)
                    .query(GenealogyStore::link)
                    .list());
        }
        return links;
    }

    /** Those of these nodes that have a traversable link arriving ({@code incoming}) or leaving. */
    public java.util.Set<Long> withLinks(Collection<Long> nodes, boolean incoming) {
        String column = incoming ? "to_node" : "from_node";
        java.util.Set<Long> found = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(nodes)) {
            found.addAll(client.sql("SELECT DISTINCT " + column + " FROM tr_gen_link WHERE " + column
                            + " IN (:ids) AND kind <> 'DISAGGREGATED'")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list());
        }
        return found;
    }

    public void insertShipments(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO tr_gen_shipment (node_id, event_seq, source_party, source_location, dest_party,
                    dest_location, licence_number) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", shipments, shipments.size(), (PreparedStatement ps, Shipment s) -> {
            ps.setLong(1, s.nodeId());
            ps.setLong(2, s.eventSeq());
            ps.setString(3, s.sourceParty());
            ps.setString(4, s.sourceLocation());
            ps.setString(5, s.destParty());
            ps.setString(6, s.destLocation());
            ps.setString(7, s.licenceNumber());
        });
    }

    public Map<Long, Shipment> shipments(Collection<Long> nodeIds) {
        Map<Long, Shipment> shipments = new HashMap<>();
        for (List<Long> chunk : chunks(nodeIds)) {
            client.sql("SELECT * FROM tr_gen_shipment WHERE node_id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> new Shipment(
                            rs.getLong("node_id"),
                            rs.getLong("event_seq"),
                            rs.getString("source_party"),
                            rs.getString("source_location"),
                            rs.getString("dest_party"),
                            rs.getString("dest_location"),
                            rs.getString("licence_number")))
                    .list()
                    .forEach(s -> shipments.put(s.nodeId(), s));
        }
        return shipments;
    }

    // ---- stock -----------------------------------------------------------------------------------------------------

    /**
     * Adds the deltas to the stored totals and answers the totals after it. Additive updates keep two concurrent
     * captures of the same lot and holder correct without locking in Java.
     */
    public Map<Stock.Key, Stock> addStock(Collection<Stock> deltas) {
        if (deltas.isEmpty()) {
            return Map.of();
        }
        List<Stock> rows = List.copyOf(deltas);
        jdbc.batchUpdate("""
                INSERT INTO tr_gen_stock (node_id, holder, unit, in_qty, out_qty) VALUES (?, ?, ?, 0, 0)
                ON CONFLICT DO NOTHING""", rows, rows.size(), (PreparedStatement ps, Stock s) -> {
            ps.setLong(1, s.nodeId());
            ps.setString(2, s.holder());
            ps.setString(3, s.unit());
        });
        jdbc.batchUpdate("""
                UPDATE tr_gen_stock SET in_qty = in_qty + ?, out_qty = out_qty + ?
                WHERE node_id = ? AND holder = ? AND unit = ?""", rows, rows.size(), (PreparedStatement ps, Stock s) -> {
            ps.setBigDecimal(1, s.in());
            ps.setBigDecimal(2, s.out());
            ps.setLong(3, s.nodeId());
            ps.setString(4, s.holder());
            ps.setString(5, s.unit());
        });
        Map<Stock.Key, Stock> totals = new HashMap<>();
        Map<Long, List<Stock>> byNode = new HashMap<>();
        rows.forEach(
                s -> byNode.computeIfAbsent(s.nodeId(), k -> new ArrayList<>()).add(s));
        for (List<Long> chunk : chunks(byNode.keySet())) {
            client.sql("SELECT * FROM tr_gen_stock WHERE node_id IN (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> new Stock(
                            rs.getLong("node_id"),
                            rs.getString("holder"),
                            rs.getString("unit"),
                            rs.getBigDecimal("in_qty"),
                            rs.getBigDecimal("out_qty")))
                    .list()
                    .forEach(s -> totals.put(s.key(), s));
        }
        totals.keySet().retainAll(rows.stream().map(Stock::key).toList());
        return totals;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static Node node(ResultSet rs, int row) throws SQLException {
        return new Node(
                rs.getLong("id"),
                rs.getString("identifier"),
                NodeKind.valueOf(rs.getString("kind")),
                rs.getString("product_type"),
                rs.getString("origin"),
                nullableLong(rs, "origin_seq"),
                rs.getObject("owner_id", UUID.class),
                nullableLong(rs, "in_transit_seq"),
                nullableInt(rs, "generation"));
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(
                rs.getLong("from_node"),
                rs.getLong("to_node"),
                rs.getString("kind"),
                rs.getLong("event_seq"),
                instant(rs, "event_time"),
                rs.getBigDecimal("quantity"),
                rs.getString("uom"),
                rs.getBigDecimal("out_quantity"),
                rs.getString("out_uom"),
                rs.getObject("reporter_id", UUID.class),
                rs.getString("region"));
    }

    private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
