package org.lodestone.traceability.chain.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.CountryCode;
import org.lodestone.traceability.chain.Activity;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.Quota;
import org.lodestone.traceability.chain.Site;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.chain.TradingParty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The chain registry tables. Updates are optimistic: they name the version read and report whether a row changed, so
 * the caller answers 409 on a stale version. Callers validate and check need-to-know; this class only stores.
 * Guarded by {@code ChainStoreContractTests} on H2 and PostgreSQL.
 */
@Component
public class ChainStore {

    /** A stored site with its surrogate id and version. */
    public record StoredSite(UUID id, Site site, long version) {}

    /** A stored trading party with its surrogate id and version. */
    public record StoredParty(UUID id, TradingParty party, long version) {}

    /** A stored lot profile: {@code source} EVENT (learnt from ILMD) or REGISTRY (registered by its owner). */
    public record StoredLot(
            UUID id,
            LotProfile lot,
            String source,
            @Nullable String eventId,
            long version) {}

    /** A stored quota with the authority user who set it. */
    public record StoredQuota(Quota quota, String setBy, long version) {}

    private final JdbcClient jdbc;

    public ChainStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- enterprises and prefixes

    /** Inserts a new enterprise (version 0); false when one with this id exists. */
    public boolean createEnterprise(Enterprise e, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO tr_enterprise (id, name, country, region, activities, registry_only, version, updated_at)
                    VALUES (:id, :name, :country, :region, :activities, :registryOnly, 0, :now)""")
                    .param("id", e.id().value())
                    .param("name", e.name())
                    .param("country", e.country().value())
                    .param("region", e.region())
                    .param("activities", activities(e.activities()))
                    .param("registryOnly", e.registryOnly())
                    .param("now", ts(now))
                    .update();
        } catch (DuplicateKeyException dup) {
            return false;
        }
        insertPrefixes(e.id(), e.companyPrefixes());
        return true;
    }

    /** Updates name, region, activities and prefixes if the version matches; false when stale. */
    public boolean updateEnterprise(Enterprise e, long expectedVersion, Instant now) {
        int n = jdbc.sql("""
                UPDATE tr_enterprise SET name = :name, country = :country, region = :region, activities = :activities,
                    version = version + 1, updated_at = :now
                WHERE id = :id AND version = :version""")
                .param("id", e.id().value())
                .param("name", e.name())
                .param("country", e.country().value())
                .param("region", e.region())
                .param("activities", activities(e.activities()))
                .param("version", expectedVersion)
                .param("now", ts(now))
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM tr_company_prefix WHERE enterprise_id = :id")
                .param("id", e.id().value())
                .update();
        insertPrefixes(e.id(), e.companyPrefixes());
        return true;
    }

    private void insertPrefixes(OrganisationId enterprise, List<String> prefixes) {
        for (String p : prefixes) {
            jdbc.sql("INSERT INTO tr_company_prefix (prefix, enterprise_id) VALUES (:p, :e)")
                    .param("p", p)
                    .param("e", enterprise.value())
                    .update();
        }
    }

    /** The enterprise that registered this company prefix, if any. */
    public Optional<OrganisationId> prefixOwner(String prefix) {
        return jdbc.sql("SELECT enterprise_id FROM tr_company_prefix WHERE prefix = :p")
                .param("p", prefix)
                .query((rs, i) -> new OrganisationId(rs.getObject(1, UUID.class)))
                .optional();
    }

    public Optional<Enterprise> enterprise(OrganisationId id) {
        return jdbc.sql("SELECT * FROM tr_enterprise WHERE id = :id")
                .param("id", id.value())
                .query(this::mapEnterprise)
                .optional();
    }

    public List<Enterprise> enterprises() {
        return jdbc.sql("SELECT * FROM tr_enterprise ORDER BY name, id")
                .query(this::mapEnterprise)
                .list();
    }

    public Optional<Enterprise> enterpriseByName(String name) {
        return jdbc.sql("SELECT * FROM tr_enterprise WHERE name = :name ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("name", name)
                .query(this::mapEnterprise)
                .optional();
    }

    /** Every registered company prefix with its enterprise, for the in-memory ownership cache. */
    public Map<String, OrganisationId> allPrefixes() {
        Map<String, OrganisationId> all = new HashMap<>();
        jdbc.sql("SELECT prefix, enterprise_id FROM tr_company_prefix").query(rs -> {
            all.put(rs.getString(1), new OrganisationId(rs.getObject(2, UUID.class)));
        });
        return all;
    }

    private Enterprise mapEnterprise(ResultSet rs, int row) throws SQLException {
        var id = new OrganisationId(rs.getObject("id", UUID.class));
        List<String> prefixes = jdbc.sql(
                        "SELECT prefix FROM tr_company_prefix WHERE enterprise_id = :id ORDER BY prefix")
                .param("id", id.value())
                .query(String.class)
                .list();
        String acts = rs.getString("activities");
        Set<Activity> activities = EnumSet.noneOf(Activity.class);
        if (!acts.isBlank()) {
            Arrays.stream(acts.split(",")).map(Activity::valueOf).forEach(activities::add);
        }
        return new Enterprise(
                id,
                rs.getString("name"),
                new CountryCode(rs.getString("country")),
                rs.getString("region"),
                activities,
                prefixes,
                rs.getBoolean("registry_only"),
                rs.getLong("version"));
    }

    private static String activities(Set<Activity> activities) {
        return activities.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    // ---- sites

    /** Inserts a site; false when its identifier is registered already. */
    public boolean createSite(UUID id, Site s) {
        try {
            jdbc.sql("""
                    INSERT INTO tr_site (id, identifier, enterprise_id, kind, name, country, region, version)
                    VALUES (:id, :identifier, :enterprise, :kind, :name, :country, :region, 0)""")
                    .param("id", id)
                    .param("identifier", s.identifier())
                    .param("enterprise", s.enterprise().value())
                    .param("kind", s.kind().name())
                    .param("name", s.name())
                    .param("country", s.country().value())
                    .param("region", s.region())
                    .update();
            return true;
        } catch (DuplicateKeyException dup) {
            return false;
        }
    }

    /** Updates kind, name, country and region (not the identifier, which events refer to) if the version matches. */
    public boolean updateSite(UUID id, Site s, long expectedVersion) {
        return jdbc.sql("""
                        UPDATE tr_site SET kind = :kind, name = :name, country = :country, region = :region,
                            version = version + 1
                        WHERE id = :id AND version = :version""")
                        .param("id", id)
                        .param("kind", s.kind().name())
                        .param("name", s.name())
                        .param("country", s.country().value())
                        .param("region", s.region())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    public Optional<StoredSite> site(UUID id) {
        return jdbc.sql("SELECT * FROM tr_site WHERE id = :id")
                .param("id", id)
                .query(ChainStore::mapSite)
                .optional();
    }

    public Optional<StoredSite> site(String identifier) {
        return jdbc.sql("SELECT * FROM tr_site WHERE identifier = :identifier")
                .param("identifier", identifier)
                .query(ChainStore::mapSite)
                .optional();
    }

    public List<StoredSite> sites(OrganisationId enterprise) {
        return jdbc.sql("SELECT * FROM tr_site WHERE enterprise_id = :e ORDER BY name, identifier")
                .param("e", enterprise.value())
                .query(ChainStore::mapSite)
                .list();
    }

    public List<StoredSite> allSites() {
        return jdbc.sql("SELECT * FROM tr_site").query(ChainStore::mapSite).list();
    }

    private static StoredSite mapSite(ResultSet rs, int row) throws SQLException {
        return new StoredSite(
                rs.getObject("id", UUID.class),
                new Site(
                        rs.getString("identifier"),
                        new OrganisationId(rs.getObject("enterprise_id", UUID.class)),
                        SiteKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        new CountryCode(rs.getString("country")),
                        rs.getString("region")),
                rs.getLong("version"));
    }

    // ---- quotas

    /**
     * Sets a quota: inserts it when {@code expectedVersion} is null and none exists, else updates it when the version
     * matches. False when stale (or when inserting over an existing one).
     */
    public boolean setQuota(Quota q, String setBy, @Nullable Long expectedVersion, Instant now) {
        if (expectedVersion == null) {
            try {
                jdbc.sql("""
                        INSERT INTO tr_quota (enterprise_id, quota_year, kind, tonnes_reo, set_by, version, updated_at)
                        VALUES (:e, :year, :kind, :tonnes, :by, 0, :now)""")
                        .param("e", q.enterprise().value())
                        .param("year", q.year())
                        .param("kind", q.kind().name())
                        .param("tonnes", q.tonnesReo())
                        .param("by", setBy)
                        .param("now", ts(now))
                        .update();
                return true;
            } catch (DuplicateKeyException dup) {
                return false;
            }
        }
        return jdbc.sql("""
                        UPDATE tr_quota SET tonnes_reo = :tonnes, set_by = :by, version = version + 1, updated_at = :now
                        WHERE enterprise_id = :e AND quota_year = :year AND kind = :kind AND version = :version""")
                        .param("e", q.enterprise().value())
                        .param("year", q.year())
                        .param("kind", q.kind().name())
                        .param("tonnes", q.tonnesReo())
                        .param("by", setBy)
                        .param("version", expectedVersion)
                        .param("now", ts(now))
                        .update()
                == 1;
    }

    public List<StoredQuota> quotas(OrganisationId enterprise, @Nullable Integer year) {
        return jdbc.sql("SELECT * FROM tr_quota WHERE enterprise_id = :e"
                        + (year == null ? "" : " AND quota_year = :year")
                        + " ORDER BY quota_year, kind")
                .params(
                        year == null
                                ? Map.<String, Object>of("e", enterprise.value())
                                : Map.<String, Object>of("e", enterprise.value(), "year", year))
                .query((rs, i) -> new StoredQuota(
                        new Quota(
                                new OrganisationId(rs.getObject("enterprise_id", UUID.class)),
                                rs.getInt("quota_year"),
                                Quota.QuotaKind.valueOf(rs.getString("kind")),
                                rs.getBigDecimal("tonnes_reo")),
                        rs.getString("set_by"),
                        rs.getLong("version")))
                .list();
    }

    // ---- trading parties

    /** Inserts a party; false when the enterprise registered this identifier already. */
    public boolean createParty(UUID id, TradingParty p, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO tr_party (id, identifier, name, country, organisation_id, registered_by, version, created_at)
                    VALUES (:id, :identifier, :name, :country, :organisation, :by, 0, :now)""")
                    .param("id", id)
                    .param("identifier", p.identifier())
                    .param("name", p.name())
                    .param("country", p.country().value())
                    .param(
                            "organisation",
                            p.organisation() == null ? null : p.organisation().value())
                    .param("by", p.registeredBy().value())
                    .param("now", ts(now))
                    .update();
            return true;
        } catch (DuplicateKeyException dup) {
            return false;
        }
    }

    public boolean updateParty(UUID id, TradingParty p, long expectedVersion) {
        return jdbc.sql("""
                        UPDATE tr_party SET name = :name, country = :country, organisation_id = :organisation,
                            version = version + 1
                        WHERE id = :id AND version = :version""")
                        .param("id", id)
                        .param("name", p.name())
                        .param("country", p.country().value())
                        .param(
                                "organisation",
                                p.organisation() == null
                                        ? null
                                        : p.organisation().value())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    public Optional<StoredParty> party(UUID id) {
        return jdbc.sql("SELECT * FROM tr_party WHERE id = :id")
                .param("id", id)
                .query(ChainStore::mapParty)
                .optional();
    }

    /** The earliest registration of this identifier (several exporters may register the same foreign customer). */
    public Optional<StoredParty> party(String identifier) {
        return jdbc.sql("SELECT * FROM tr_party WHERE identifier = :i ORDER BY created_at, id FETCH FIRST 1 ROWS ONLY")
                .param("i", identifier)
                .query(ChainStore::mapParty)
                .optional();
    }

    public List<StoredParty> parties(OrganisationId registeredBy) {
        return jdbc.sql("SELECT * FROM tr_party WHERE registered_by = :e ORDER BY name, identifier")
                .param("e", registeredBy.value())
                .query(ChainStore::mapParty)
                .list();
    }

    private static StoredParty mapParty(ResultSet rs, int row) throws SQLException {
        UUID org = rs.getObject("organisation_id", UUID.class);
        return new StoredParty(
                rs.getObject("id", UUID.class),
                new TradingParty(
                        rs.getString("identifier"),
                        rs.getString("name"),
                        new CountryCode(rs.getString("country")),
                        org == null ? null : new OrganisationId(org),
                        new OrganisationId(rs.getObject("registered_by", UUID.class))),
                rs.getLong("version"));
    }

    // ---- lots

    /** Inserts a lot profile with its element fractions; false when the identifier is known already. */
    public boolean createLot(UUID id, LotProfile lot, String source, @Nullable String eventId, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO tr_lot (id, identifier, product_type, owner_id, source, event_id, version, created_at)
                    VALUES (:id, :identifier, :type, :owner, :source, :event, 0, :now)""")
                    .param("id", id)
                    .param("identifier", lot.identifier())
                    .param("type", lot.type().name())
                    .param("owner", lot.owner() == null ? null : lot.owner().value())
                    .param("source", source)
                    .param("event", eventId)
                    .param("now", ts(now))
                    .update();
        } catch (DuplicateKeyException dup) {
            return false;
        }
        insertFractions(lot.identifier(), lot.elementFractions());
        return true;
    }

    /** Replaces type and element content (owner unchanged) if the version matches. */
    public boolean updateLot(UUID id, LotProfile lot, long expectedVersion) {
        int n = jdbc.sql("""
                UPDATE tr_lot SET product_type = :type, source = 'REGISTRY', version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id)
                .param("type", lot.type().name())
                .param("version", expectedVersion)
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM tr_lot_element WHERE lot_identifier = :i")
                .param("i", lot.identifier())
                .update();
        insertFractions(lot.identifier(), lot.elementFractions());
        return true;
    }

    /** Sets the owner of a lot that has none (a lot first seen without one). */
    public void claimLot(String identifier, OrganisationId owner) {
        jdbc.sql("UPDATE tr_lot SET owner_id = :o, version = version + 1 WHERE identifier = :i AND owner_id IS NULL")
                .param("o", owner.value())
                .param("i", identifier)
                .update();
    }

    private void insertFractions(String lot, Map<String, BigDecimal> fractions) {
        for (var f : fractions.entrySet()) {
            jdbc.sql("INSERT INTO tr_lot_element (lot_identifier, element, fraction) VALUES (:lot, :el, :f)")
                    .param("lot", lot)
                    .param("el", f.getKey())
                    .param("f", f.getValue())
                    .update();
        }
    }

    public Optional<StoredLot> lot(UUID id) {
        return jdbc.sql("SELECT * FROM tr_lot WHERE id = :id")
                .param("id", id)
                .query(this::mapLot)
                .optional();
    }

    public Optional<StoredLot> lot(String identifier) {
        return jdbc.sql("SELECT * FROM tr_lot WHERE identifier = :i")
                .param("i", identifier)
                .query(this::mapLot)
                .optional();
    }

    public List<StoredLot> lots(OrganisationId owner, int limit) {
        return jdbc.sql(
                        "SELECT * FROM tr_lot WHERE owner_id = :o ORDER BY created_at DESC, identifier FETCH FIRST :n ROWS ONLY")
                .param("o", owner.value())
                .param("n", limit)
                .query(this::mapLot)
                .list();
    }

    /** The owners of whichever of these identifiers are registered lots (one indexed look-up per chunk). */
    public Map<String, OrganisationId> lotOwners(Collection<String> identifiers) {
        Map<String, OrganisationId> owners = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(identifiers);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 500));
            jdbc.sql("SELECT identifier, owner_id FROM tr_lot WHERE identifier IN (:ids) AND owner_id IS NOT NULL")
                    .param("ids", chunk)
                    .query(rs -> {
                        owners.put(rs.getString(1), new OrganisationId(rs.getObject(2, UUID.class)));
                    });
        }
        return owners;
    }

    private StoredLot mapLot(ResultSet rs, int row) throws SQLException {
        String identifier = rs.getString("identifier");
        Map<String, BigDecimal> fractions = new LinkedHashMap<>();
        jdbc.sql("SELECT element, fraction FROM tr_lot_element WHERE lot_identifier = :i ORDER BY element")
                .param("i", identifier)
                .query(r -> {
                    fractions.put(r.getString(1), r.getBigDecimal(2).stripTrailingZeros());
                });
        UUID owner = rs.getObject("owner_id", UUID.class);
        return new StoredLot(
                rs.getObject("id", UUID.class),
                new LotProfile(
                        identifier,
                        ProductType.valueOf(rs.getString("product_type")),
                        fractions,
                        owner == null ? null : new OrganisationId(owner)),
                rs.getString("source"),
                rs.getString("event_id"),
                rs.getLong("version"));
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
