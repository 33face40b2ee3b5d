package org.lodestone.traceability.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.OrganisationId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signals in {@code tr_signal}. The (kind, key) row is locked while evidence is merged, so two captures finding the
 * same thing at once make one signal. The evidence trail is capped at {@value #MAX_EVIDENCE} steps: a lot shipped a
 * thousand times needs the first steps as proof, not all of them.
 */
@Component
class JdbcSignals implements Signals {

    static final int MAX_EVIDENCE = 200;
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcSignals(JdbcClient jdbc, JsonMapper json, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    @Transactional
    public Signal raise(NewSignal s) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO tr_signal (id, kind, signal_key, enterprise_id, region, subject, summary, evidence,
                    raised_at, updated_at, state, version)
                VALUES (:id, :kind, :key, :enterprise, :region, :subject, :summary, :evidence, :now, :now, 'OPEN', 0)
                ON CONFLICT DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("kind", s.kind().name())
                .param("key", cut(s.key(), 600))
                .param(
                        "enterprise",
                        s.enterprise() == null ? null : s.enterprise().value())
                .param("region", s.region())
                .param("subject", cut(s.subject(), 600))
                .param("summary", cut(s.summary(), 2000))
                .param("evidence", json.writeValueAsString(cap(s.evidence())))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        Signal current = jdbc.sql("SELECT * FROM tr_signal WHERE kind = :kind AND signal_key = :key FOR UPDATE")
                .param("kind", s.kind().name())
                .param("key", cut(s.key(), 600))
                .query(this::map)
                .single();
        if (inserted == 1) {
            audit.record(AuditRecord.success(
                            "TRACE_SIGNAL_RAISED", "TRACE_SIGNAL", current.id().toString())
                    .withDetail(s.kind() + " " + cut(s.subject(), 200)));
            return current;
        }
        LinkedHashSet<Evidence> merged = new LinkedHashSet<>(current.evidence());
        merged.addAll(s.evidence());
        if (merged.size() == current.evidence().size()) {
            return current;
        }
        List<Evidence> evidence = cap(new ArrayList<>(merged));
        jdbc.sql("""
                UPDATE tr_signal SET evidence = :evidence, summary = :summary, updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("evidence", json.writeValueAsString(evidence))
                .param("summary", cut(s.summary(), 2000))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", current.id())
                .update();
        return find(current.id()).orElseThrow();
    }

    @Override
    public Optional<Signal> find(UUID id) {
        return jdbc.sql("SELECT * FROM tr_signal WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Signal> list(
            @Nullable SignalKind kind, Signal.@Nullable State state, @Nullable String regionPrefix, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tr_signal WHERE 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (state != null) {
            sql.append(" AND state = :state");
            params.put("state", state.name());
        }
        if (regionPrefix != null) {
            sql.append(" AND (region = :region OR region LIKE :regionLike)");
            params.put("region", regionPrefix);
            params.put("regionLike", regionPrefix + "-%");
        }
        sql.append(" ORDER BY raised_at DESC, id FETCH FIRST :limit ROWS ONLY");
        params.put("limit", Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    @Override
    public Map<SignalKind, Long> counts(Signal.@Nullable State state, @Nullable String regionPrefix) {
        StringBuilder sql = new StringBuilder("SELECT kind, COUNT(*) FROM tr_signal WHERE 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (state != null) {
            sql.append(" AND state = :state");
            params.put("state", state.name());
        }
        if (regionPrefix != null) {
            sql.append(" AND (region = :region OR region LIKE :regionLike)");
            params.put("region", regionPrefix);
            params.put("regionLike", regionPrefix + "-%");
        }
        sql.append(" GROUP BY kind");
        Map<SignalKind, Long> counts = new EnumMap<>(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            counts.put(k, 0L);
        }
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            counts.put(SignalKind.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    @Override
    @Transactional
    public boolean decide(UUID id, Signal.State state, String reason, long expectedVersion, String decidedBy) {
        Instant now = clock.instant();
        int n = jdbc.sql("""
                UPDATE tr_signal SET state = :state, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("state", state.name())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", id)
                .param("version", expectedVersion)
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO tr_signal_decision (signal_id, state, reason, decided_by, decided_at)
                VALUES (:id, :state, :reason, :by, :now)""")
                .param("id", id)
                .param("state", state.name())
                .param("reason", cut(reason, 2000))
                .param("by", cut(decidedBy, 100))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        audit.record(AuditRecord.success("TRACE_SIGNAL_" + state.name(), "TRACE_SIGNAL", id.toString())
                .withDetail(cut(reason, 500)));
        return true;
    }

    @Override
    public List<Decision> decisions(UUID id) {
        return jdbc.sql("""
                        SELECT state, reason, decided_by, decided_at FROM tr_signal_decision
                        WHERE signal_id = :id ORDER BY decided_at, id""")
                .param("id", id)
                .query((rs, i) -> new Decision(
                        Signal.State.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static List<Evidence> cap(List<Evidence> evidence) {
        return evidence.size() <= MAX_EVIDENCE ? evidence : List.copyOf(evidence.subList(0, MAX_EVIDENCE));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private Signal map(ResultSet rs, int row) throws SQLException {
        String enterprise = rs.getString("enterprise_id");
        return new Signal(
                rs.getObject("id", UUID.class),
                SignalKind.valueOf(rs.getString("kind")),
                rs.getString("signal_key"),
                enterprise == null ? null : new OrganisationId(UUID.fromString(enterprise)),
                rs.getString("region"),
                rs.getString("subject"),
                rs.getString("summary"),
                json.readValue(rs.getString("evidence"), EVIDENCE),
                rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                Signal.State.valueOf(rs.getString("state")),
                rs.getLong("version"));
    }
}
