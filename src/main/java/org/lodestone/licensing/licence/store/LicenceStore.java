package org.lodestone.licensing.licence.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.Licence;
import org.lodestone.licensing.LicenceLine;
import org.lodestone.licensing.LicenceNumber;
import org.lodestone.licensing.LicenceParty;
import org.lodestone.licensing.LicenceStatus;
import org.lodestone.licensing.LicenceType;
import org.lodestone.licensing.Shipment;
import org.lodestone.protection.Protection;
import org.lodestone.protection.Scope;
import org.lodestone.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licences' tables. Statuses read here are as stored; the domain layer derives EXPIRED from the validity. Every
 * method runs in the caller's transaction; {@link #lockForShipment} serialises shipments of one licence so that the
 * "all lines at zero → EXHAUSTED" decision sees every committed depletion.
 */
public class LicenceStore {

    // Sealing contexts (#6): consignee and end user are customer identities, sealed with the data key of the licence's
    // application; holder and authority are organisations of the public register and stay in clear (the public
    // verification shows them). The check code is a secret; verification only ever uses its hash.
    private static final String C_NAME = "lic_licence.consignee_name";
    private static final String C_ORIGINAL = "lic_licence.consignee_name_original";
    private static final String E_NAME = "lic_licence.end_user_name";
    private static final String E_ORIGINAL = "lic_licence.end_user_name_original";
    private static final String CHECK_CODE = "lic_licence.check_code";
    private static final String SHIPMENT_CONSIGNEE = "lic_shipment.consignee";

    private final JdbcClient jdbc;
    private final Protection protection;

    public LicenceStore(JdbcClient jdbc, Protection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    private @Nullable String seal(UUID application, @Nullable String value, String context) {
        return protection.seal(Scope.application(application), value, context);
    }

    private @Nullable String open(UUID application, @Nullable String value, String context) {
        return protection.open(Scope.application(application), value, context);
    }

    private static String required(@Nullable String value) {
        return java.util.Objects.requireNonNull(value, "a NOT NULL column read as null");
    }

    /** The next running number for licence numbers; a sequence, so concurrent issues never collide. */
    public long nextNumber() {
        return jdbc.sql("SELECT nextval('lic_number_seq')").query(Long.class).single();
    }

    public void insert(Licence l, String checkCode, String checkCodeSha256) {
        jdbc.sql("""
                INSERT INTO lic_licence (id, licence_number, licence_type, status, status_reason, status_changed_at,
                    application_id, application_reference, holder_org_id, holder_name, holder_name_original,
                    authority_org_id, authority_name, authority_name_original,
                    consignee_name, consignee_name_original, consignee_country,
                    end_user_name, end_user_name_original, end_user_country,
                    valid_from, valid_to, check_code, check_code_sha256, issued_at, issued_by, version)
                VALUES (:id, :number, :type, :status, :reason, :at, :app, :appRef, :holder, :holderName,
                    :holderOriginal, :authority, :authorityName, :authorityOriginal, :cName, :cOriginal, :cCountry,
                    :eName, :eOriginal, :eCountry, :from, :to, :code, :hash, :at, :by, :version)""")
                .param("id", l.id())
                .param("number", l.number().value())
                .param("type", l.type().name())
                .param("status", l.status().name())
                .param("reason", l.statusReason())
                .param("app", l.applicationId().value())
                .param("appRef", l.applicationReference())
                .param("holder", l.holder().value())
                .param("holderName", l.holderName())
                .param("holderOriginal", l.holderNameOriginal())
                .param("authority", l.issuingAuthority().value())
                .param("authorityName", l.issuingAuthorityName())
                .param("authorityOriginal", l.issuingAuthorityNameOriginal())
                .param("cName", seal(l.applicationId().value(), l.consignee().name(), C_NAME))
                .param(
                        "cOriginal",
                        seal(l.applicationId().value(), l.consignee().nameOriginal(), C_ORIGINAL))
                .param("cCountry", l.consignee().country().value())
                .param("eName", seal(l.applicationId().value(), l.endUser().name(), E_NAME))
                .param("eOriginal", seal(l.applicationId().value(), l.endUser().nameOriginal(), E_ORIGINAL))
                .param("eCountry", l.endUser().country().value())
                .param("from", l.validFrom())
                .param("to", l.validTo())
                .param("code", seal(l.applicationId().value(), checkCode, CHECK_CODE))
                .param("hash", checkCodeSha256)
                .param("at", ts(l.issuedAt()))
                .param("by", l.issuedBy())
                .param("version", l.version())
                .update();
        for (LicenceLine line : l.lines()) {
            jdbc.sql("""
                    INSERT INTO lic_licence_line (licence_id, line_no, control_number, entry_key, description,
                        quantity, remaining, unit, unit_value, currency)
                    VALUES (:id, :no, :cn, :key, :description, :quantity, :remaining, :unit, :value, :currency)""")
                    .param("id", l.id())
                    .param("no", line.lineNo())
                    .param("cn", line.controlNumber())
                    .param("key", line.entryKey())
                    .param("description", line.description())
                    .param("quantity", line.quantity())
                    .param("remaining", line.remaining())
                    .param("unit", line.unit())
                    .param("value", line.unitValue())
                    .param("currency", line.currency())
                    .update();
        }
        int ordinal = 0;
        for (String condition : l.conditions()) {
            jdbc.sql("""
                    INSERT INTO lic_licence_condition (licence_id, ordinal, condition_text)
                    VALUES (:id, :ordinal, :text)""")
                    .param("id", l.id())
                    .param("ordinal", ordinal++)
                    .param("text", condition)
                    .update();
        }
    }

    public Optional<Licence> find(LicenceNumber number) {
        return one("licence_number = :v", number.value());
    }

    public Optional<Licence> findByApplication(ApplicationId application) {
        return one("application_id = :v", application.value());
    }

    /** Licences of one holder, or issued by one authority, or (both null) all; newest first. */
    public List<Licence> list(@Nullable OrganisationId holder, @Nullable OrganisationId authority) {
        String where =
                holder != null ? "holder_org_id = :org" : authority != null ? "authority_org_id = :org" : "1 = 1";
        var spec =
                jdbc.sql("SELECT * FROM lic_licence WHERE " + where + " ORDER BY issued_at DESC, licence_number DESC");
        if (holder != null || authority != null) {
            spec = spec.param("org", (holder != null ? holder : authority).value());
        }
        List<Row> rows = spec.query((rs, n) -> row(rs)).list();
        return assemble(rows);
    }

    /** Licences whose validity ended before {@code today} but are still stored as ISSUED or SUSPENDED. */
    public List<Licence> expiredButNotMarked(LocalDate today) {
        List<Row> rows =
                jdbc.sql("""
                SELECT * FROM lic_licence WHERE status IN ('ISSUED', 'SUSPENDED') AND valid_to < :today
                ORDER BY valid_to""").param("today", today).query((rs, n) -> row(rs)).list();
        return assemble(rows);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM lic_licence").query(Long.class).single();
    }

    /** The check code in clear (for the certificate) and its SHA-256 (for verification). */
    public record CheckCode(String code, String sha256) {}

    public Optional<CheckCode> checkCode(LicenceNumber number) {
        return jdbc.sql(
                        "SELECT check_code, check_code_sha256, application_id FROM lic_licence WHERE licence_number = :n")
                .param("n", number.value())
                .query((rs, n) -> new CheckCode(
                        required(open(rs.getObject(3, UUID.class), rs.getString(1), CHECK_CODE)), rs.getString(2)))
                .optional();
    }

    /** The state a shipment depends on, read under a row lock held until the caller's transaction ends. */
    public record Locked(LicenceStatus status, LocalDate validFrom, LocalDate validTo) {}

    public Optional<Locked> lockForShipment(UUID licenceId) {
        return jdbc.sql("SELECT status, valid_from, valid_to FROM lic_licence WHERE id = :id FOR UPDATE")
                .param("id", licenceId)
                .query((rs, n) -> new Locked(
                        LicenceStatus.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)))
                .optional();
    }

    /**
     * Takes {@code quantity} from one line if, and only if, that much is left: one conditional UPDATE, so two
     * concurrent shipments can never both take the last units. False when the line has less left (or does not exist).
     */
    public boolean deplete(UUID licenceId, int lineNo, BigDecimal quantity) {
        return jdbc.sql("""
                        UPDATE lic_licence_line SET remaining = remaining - :q
                        WHERE licence_id = :id AND line_no = :line AND remaining >= :q""")
                        .param("q", quantity)
                        .param("id", licenceId)
                        .param("line", lineNo)
                        .update()
                == 1;
    }

    public Optional<BigDecimal> remaining(UUID licenceId, int lineNo) {
        return jdbc.sql("SELECT remaining FROM lic_licence_line WHERE licence_id = :id AND line_no = :line")
                .param("id", licenceId)
                .param("line", lineNo)
                .query(BigDecimal.class)
                .optional();
    }

    public boolean allLinesAtZero(UUID licenceId) {
        return jdbc.sql("SELECT COUNT(*) FROM lic_licence_line WHERE licence_id = :id AND remaining > 0")
                        .param("id", licenceId)
                        .query(Long.class)
                        .single()
                == 0;
    }

    /**
     * Moves the licence from {@code from} to {@code to}; with {@code expectedVersion} only if the version still matches
     * (optimistic lock). False when the licence was not in {@code from} or at that version.
     */
    public boolean changeStatus(
            UUID licenceId,
            LicenceStatus from,
            LicenceStatus to,
            @Nullable String reason,
            Instant at,
            @Nullable Long expectedVersion) {
        return jdbc.sql("""
                        UPDATE lic_licence SET status = :to, status_reason = :reason, status_changed_at = :at,
                            version = version + 1
                        WHERE id = :id AND status = :from AND (:anyVersion = TRUE OR version = :expected)""")
                        .param("to", to.name())
                        .param("reason", reason)
                        .param("at", ts(at))
                        .param("id", licenceId)
                        .param("from", from.name())
                        .param("anyVersion", expectedVersion == null)
                        .param("expected", expectedVersion == null ? -1L : expectedVersion)
                        .update()
                == 1;
    }

    // ---- shipments -----------------------------------------------------------------------------------------------

    public Optional<Shipment> shipmentByReference(UUID licenceId, LicenceNumber number, String reference) {
        return shipments("s.licence_id = :id AND s.reference = :ref", licenceId, reference, number).stream()
                .findFirst();
    }

    public List<Shipment> shipments(UUID licenceId, LicenceNumber number) {
        return shipments("s.licence_id = :id", licenceId, null, number);
    }

    public void insertShipment(UUID licenceId, Shipment s) {
        UUID application = jdbc.sql("SELECT application_id FROM lic_licence WHERE id = :id")
                .param("id", licenceId)
                .query(UUID.class)
                .single();
        jdbc.sql("""
                INSERT INTO lic_shipment (id, licence_id, reference, shipment_date, consignee, source, recorded_at,
                    recorded_by)
                VALUES (:id, :licence, :ref, :date, :consignee, :source, :at, :by)""")
                .param("id", s.id())
                .param("licence", licenceId)
                .param("ref", s.reference())
                .param("date", s.shipmentDate())
                .param("consignee", seal(application, s.consignee(), SHIPMENT_CONSIGNEE))
                .param("source", s.source())
                .param("at", ts(s.recordedAt()))
                .param("by", s.recordedBy())
                .update();
        for (Shipment.Line line : s.lines()) {
            jdbc.sql("""
                    INSERT INTO lic_shipment_line (shipment_id, line_no, quantity, unit, quantity_in_line_unit)
                    VALUES (:id, :line, :q, :unit, :converted)""")
                    .param("id", s.id())
                    .param("line", line.line())
                    .param("q", line.quantity())
                    .param("unit", line.unit())
                    .param("converted", line.quantityInLineUnit())
                    .update();
        }
    }

    private List<Shipment> shipments(String where, UUID licenceId, @Nullable String reference, LicenceNumber number) {
        var spec = jdbc.sql("""
                SELECT s.id, s.reference, s.shipment_date, s.consignee, s.source, s.recorded_at, s.recorded_by,
                    sl.line_no, sl.quantity, sl.unit, sl.quantity_in_line_unit, ll.unit AS line_unit,
                    l.application_id
                FROM lic_shipment s
                JOIN lic_licence l ON l.id = s.licence_id
                JOIN lic_shipment_line sl ON sl.shipment_id = s.id
                JOIN lic_licence_line ll ON ll.licence_id = s.licence_id AND ll.line_no = sl.line_no
                WHERE\s""" + where + " ORDER BY s.recorded_at, s.id, sl.line_no")
                .param("id", licenceId);
        if (reference != null) {
            spec = spec.param("ref", reference);
        }
        Map<UUID, Shipment> byId = new java.util.LinkedHashMap<>();
        Map<UUID, List<Shipment.Line>> lines = new HashMap<>();
        spec.query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            byId.computeIfAbsent(id, k -> {
                try {
                    return new Shipment(
                            k,
                            number,
                            rs.getObject("shipment_date", LocalDate.class),
                            rs.getString("reference"),
                            open(
                                    rs.getObject("application_id", UUID.class),
                                    rs.getString("consignee"),
                                    SHIPMENT_CONSIGNEE),
                            rs.getString("source"),
                            List.of(),
                            instant(rs, "recorded_at"),
                            rs.getString("recorded_by"),
                            false);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            lines.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new Shipment.Line(
                            rs.getInt("line_no"),
                            plain(rs.getBigDecimal("quantity")),
                            rs.getString("unit"),
                            plain(rs.getBigDecimal("quantity_in_line_unit")),
                            rs.getString("line_unit")));
        });
        return byId.values().stream()
                .map(s -> new Shipment(
                        s.id(),
                        s.licence(),
                        s.shipmentDate(),
                        s.reference(),
                        s.consignee(),
                        s.source(),
                        lines.getOrDefault(s.id(), List.of()),
                        s.recordedAt(),
                        s.recordedBy(),
                        false))
                .toList();
    }

    // ---- mapping -------------------------------------------------------------------------------------------------

    private Optional<Licence> one(String where, Object value) {
        List<Row> rows = jdbc.sql("SELECT * FROM lic_licence WHERE " + where)
                .param("v", value)
                .query((rs, n) -> row(rs))
                .list();
        return assemble(rows).stream().findFirst();
    }

    /** A licence row before its lines and conditions are attached. */
    private record Row(UUID id, Licence partial) {}

    private Row row(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID application = rs.getObject("application_id", UUID.class);
        var licence = new Licence(
                id,
                new LicenceNumber(rs.getString("licence_number")),
                LicenceType.valueOf(rs.getString("licence_type")),
                LicenceStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                rs.getString("application_reference"),
                new OrganisationId(rs.getObject("holder_org_id", UUID.class)),
                rs.getString("holder_name"),
                rs.getString("holder_name_original"),
                new OrganisationId(rs.getObject("authority_org_id", UUID.class)),
                rs.getString("authority_name"),
                rs.getString("authority_name_original"),
                new LicenceParty(
                        required(open(application, rs.getString("consignee_name"), C_NAME)),
                        open(application, rs.getString("consignee_name_original"), C_ORIGINAL),
                        new CountryCode(rs.getString("consignee_country"))),
                new LicenceParty(
                        required(open(application, rs.getString("end_user_name"), E_NAME)),
                        open(application, rs.getString("end_user_name_original"), E_ORIGINAL),
                        new CountryCode(rs.getString("end_user_country"))),
                List.of(),
                List.of(),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                instant(rs, "issued_at"),
                rs.getString("issued_by"),
                rs.getLong("version"));
        return new Row(id, licence);
    }

    private List<Licence> assemble(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<LicenceLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM lic_licence_line WHERE licence_id IN (:ids) ORDER BY licence_id, line_no")
                .param("ids", ids)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("licence_id", UUID.class), k -> new ArrayList<>())
                            .add(new LicenceLine(
                                    rs.getInt("line_no"),
                                    rs.getString("control_number"),
                                    rs.getString("entry_key"),
                                    rs.getString("description"),
                                    plain(rs.getBigDecimal("quantity")),
                                    plain(rs.getBigDecimal("remaining")),
                                    rs.getString("unit"),
                                    plain(rs.getBigDecimal("unit_value")),
                                    rs.getString("currency")));
                });
        Map<UUID, List<String>> conditions = new HashMap<>();
        jdbc.sql("""
                SELECT licence_id, condition_text FROM lic_licence_condition WHERE licence_id IN (:ids)
                ORDER BY licence_id, ordinal""").param("ids", ids).query(rs -> {
            conditions
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getString(2));
        });
        return rows.stream()
                .map(r -> {
                    Licence p = r.partial();
                    return new Licence(
                            p.id(),
                            p.number(),
                            p.type(),
                            p.status(),
                            p.statusReason(),
                            p.applicationId(),
                            p.applicationReference(),
                            p.holder(),
                            p.holderName(),
                            p.holderNameOriginal(),
                            p.issuingAuthority(),
                            p.issuingAuthorityName(),
                            p.issuingAuthorityNameOriginal(),
                            p.consignee(),
                            p.endUser(),
                            lines.getOrDefault(r.id(), List.of()),
                            conditions.getOrDefault(r.id(), List.of()),
                            p.validFrom(),
                            p.validTo(),
                            p.issuedAt(),
                            p.issuedBy(),
                            p.version());
                })
                .toList();
    }

    /** Without trailing zeros and never in exponent notation (500, not 5E+2), as JSON and people expect. */
    public static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
