package org.lodestone.traceability.massbalance.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The movements projection ({@code tr_movement}) and the sums a balance is made of. Element amounts are quantity ×
 * the lot's element fraction, joined at query time with {@code tr_lot_element}, so content registered after the event
 * still counts. Guarded by {@code MovementStoreContractTests} on H2 and PostgreSQL.
 */
@Component
public class MovementStore {

    /** One movement to record. */
    public record Movement(
            long seq,
            String eventId,
            Instant eventTime,
            OrganisationId enterprise,
            String site,
            String kind,
            String lot,
            BigDecimal quantityKg) {}

    /** A stock declaration: one event's stock figure at a site. */
    public record Declaration(String site, Instant time, String eventId) {}

    /** kg of an element by movement kind, with the distinct events behind the figure. */
    public record Flow(String kind, String element, BigDecimal kg, long events) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public MovementStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void record(List<Movement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO tr_movement (seq, event_id, event_time, enterprise_id, site, kind, lot, quantity_kg)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", movements, 500, (ps, m) -> {
            ps.setLong(1, m.seq());
            ps.setString(2, m.eventId());
            ps.setObject(3, OffsetDateTime.ofInstant(m.eventTime(), ZoneOffset.UTC));
            ps.setObject(4, m.enterprise().value());
            ps.setString(5, m.site());
            ps.setString(6, m.kind());
            ps.setString(7, m.lot());
            ps.setBigDecimal(8, m.quantityKg());
        });
    }

    /** Sites with movements of the enterprise up to {@code until}. */
    public List<String> sites(OrganisationId enterprise, Instant until) {
        return jdbc.sql("""
                        SELECT DISTINCT site FROM tr_movement WHERE enterprise_id = :e AND event_time <= :until
                        ORDER BY site""")
                .param("e", enterprise.value())
                .param("until", ts(until))
                .query(String.class)
                .list();
    }

    /** Stock declarations at a site up to {@code until}, oldest first. */
    public List<Declaration> declarations(OrganisationId enterprise, String site, Instant until) {
        return jdbc.sql("""
                        SELECT DISTINCT site, event_time, event_id FROM tr_movement
                        WHERE enterprise_id = :e AND site = :site AND kind = 'STOCK' AND event_time <= :until
                        ORDER BY event_time, event_id""")
                .param("e", enterprise.value())
                .param("site", site)
                .param("until", ts(until))
                .query((rs, i) -> new Declaration(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .list();
    }

    /** Element kg per movement kind (not STOCK) at a site for {@code after < event_time <= until}. */
    public List<Flow> flows(
            OrganisationId enterprise, String site, @Nullable String element, Instant after, Instant until) {
        return jdbc.sql("""
                        SELECT m.kind, e.element, SUM(m.quantity_kg * e.fraction) AS kg, COUNT(DISTINCT m.event_id) AS n
                        FROM tr_movement m JOIN tr_lot_element e ON e.lot_identifier = m.lot
                        WHERE m.enterprise_id = :e AND m.site = :site AND m.kind <> 'STOCK'
                          AND m.event_time > :after AND m.event_time <= :until
                          AND (e.element = :element OR :any = 1)
                        GROUP BY m.kind, e.element""")
                .param("e", enterprise.value())
                .param("site", site)
                .param("after", ts(after))
                .param("until", ts(until))
                .param("element", element == null ? "" : element)
                .param("any", element == null ? 1 : 0)
                .query((rs, i) -> new Flow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** Element kg of the stock declared by these events at a site. */
    public Map<String, BigDecimal> stock(
            OrganisationId enterprise, String site, List<String> eventIds, @Nullable String element) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT e.element, SUM(m.quantity_kg * e.fraction)
                        FROM tr_movement m JOIN tr_lot_element e ON e.lot_identifier = m.lot
                        WHERE m.enterprise_id = :e AND m.site = :site AND m.kind = 'STOCK' AND m.event_id IN (:ids)
                          AND (e.element = :element OR :any = 1)
                        GROUP BY e.element""")
                .param("e", enterprise.value())
                .param("site", site)
                .param("ids", eventIds)
                .param("element", element == null ? "" : element)
                .param("any", element == null ? 1 : 0)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }

    /** The events behind each (kind, element) figure at a site in the window, at most {@code cap} per figure. */
    public Map<String, List<String>> events(
            OrganisationId enterprise, String site, @Nullable String element, Instant after, Instant until, int cap) {
        Map<String, List<String>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT m.kind, e.element, m.event_id, m.event_time
                        FROM tr_movement m JOIN tr_lot_element e ON e.lot_identifier = m.lot
                        WHERE m.enterprise_id = :e AND m.site = :site AND m.kind <> 'STOCK'
                          AND m.event_time > :after AND m.event_time <= :until
                          AND (e.element = :element OR :any = 1)
                        ORDER BY m.event_time, m.event_id""")
                .param("e", enterprise.value())
                .param("site", site)
                .param("after", ts(after))
                .param("until", ts(until))
                .param("element", element == null ? "" : element)
                .param("any", element == null ? 1 : 0)
                .query(rs -> {
                    List<String> l =
                            out.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>());
                    if (l.size() < cap) {
                        l.add(rs.getString(3));
                    }
                });
        return out;
    }

    /** kg per element PRODUCED at these sites of the enterprise in {@code [from, to)}. */
    public Map<String, BigDecimal> produced(OrganisationId enterprise, List<String> sites, Instant from, Instant to) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (sites.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT e.element, SUM(m.quantity_kg * e.fraction)
                        FROM tr_movement m JOIN tr_lot_element e ON e.lot_identifier = m.lot
                        WHERE m.enterprise_id = :e AND m.site IN (:sites) AND m.kind = 'PRODUCED'
                          AND m.event_time >= :from AND m.event_time < :to
                        GROUP BY e.element""")
                .param("e", enterprise.value())
                .param("sites", sites)
                .param("from", ts(from))
                .param("to", ts(to))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }

    /** Movements of one event (for tests and the evidence of a signal). */
    public List<Movement> ofEvent(String eventId) {
        return jdbc.sql("SELECT * FROM tr_movement WHERE event_id = :id ORDER BY id")
                .param("id", eventId)
                .query((rs, i) -> new Movement(
                        rs.getLong("seq"),
                        rs.getString("event_id"),
                        rs.getObject("event_time", OffsetDateTime.class).toInstant(),
                        new OrganisationId(rs.getObject("enterprise_id", UUID.class)),
                        rs.getString("site"),
                        rs.getString("kind"),
                        rs.getString("lot"),
                        rs.getBigDecimal("quantity_kg")))
                .list();
    }

    private static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
