package org.lodestone.traceability.chain;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.shared.ChemicalElements;
import org.lodestone.shared.CountryCode;
import org.lodestone.traceability.chain.store.ChainStore;
import org.lodestone.traceability.chain.store.ChainStore.StoredLot;
import org.lodestone.traceability.chain.store.ChainStore.StoredParty;
import org.lodestone.traceability.chain.store.ChainStore.StoredQuota;
import org.lodestone.traceability.chain.store.ChainStore.StoredSite;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What users do with the chain registry, with need-to-know: a REPORTER manages and reads its own organisation's
 * profile, sites, parties and lots; REVIEWER, SUPERVISOR and ENFORCEMENT read enterprises in their jurisdiction; ADMIN
 * reads all; quotas are set by a SUPERVISOR of the competent authority or an ADMIN. Another organisation's object
 * answers 404, as if it did not exist. Every change is audited in its transaction and refreshes the ownership cache
 * after commit. Guarded by {@code ChainApiTests} and {@code ChainAuthorizationMatrixTests}.
 */
@Component
public class ChainRegistry {

    static final Pattern PREFIX = Pattern.compile("[0-9]{4,12}");
    static final Pattern SUBDIVISION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");
    private static final Set<Role> AUTHORITY_READERS = EnumSet.of(Role.REVIEWER, Role.SUPERVISOR, Role.ENFORCEMENT);

    private final ChainStore store;
    private final CachedChain cache;
    private final Identity identity;
    private final AuditTrail audit;
    private final Clock clock;

    ChainRegistry(
            ChainStore store, CachedChain cache, Identity identity, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.store = store;
        this.cache = cache;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ---- requests (fields nullable: validation names what is missing)

    public record EnterpriseRequest(
            @Nullable List<String> activities,
            @Nullable List<String> companyPrefixes,
            @Nullable Long version) {}

    public record SiteRequest(
            @Nullable String identifier,
            @Nullable String kind,
            @Nullable String name,
            @Nullable String country,
            @Nullable String region,
            @Nullable Long version) {}

    public record QuotaRequest(
            @Nullable Integer year,
            @Nullable String kind,
            @Nullable BigDecimal tonnesReo,
            @Nullable Long version) {}

    public record PartyRequest(
            @Nullable String identifier,
            @Nullable String name,
            @Nullable String country,
            @Nullable Long version) {}

    public record LotRequest(
            @Nullable String identifier,
            @Nullable String productType,
            @Nullable Map<String, Object> elementContent,
            @Nullable Long version) {}

    // ---- need-to-know

    private CurrentUser user() {
        return identity.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    /** Whether this user may read the enterprise's registry records. */
    public static boolean mayRead(CurrentUser u, Enterprise e) {
        if (u.has(Role.REPORTER) && u.organisationId().equals(e.id())) {
            return true;
        }
        if (u.has(Role.ADMIN)) {
            return true;
        }
        return u.roles().stream().anyMatch(AUTHORITY_READERS::contains)
                && Jurisdictions.covers(u.jurisdiction(), e.region());
    }

    private static boolean mayManage(CurrentUser u, Enterprise e) {
        return u.has(Role.REPORTER) && u.organisationId().equals(e.id());
    }

    private static boolean maySetQuota(CurrentUser u, Enterprise e) {
        return u.has(Role.ADMIN) || (u.has(Role.SUPERVISOR) && Jurisdictions.covers(u.jurisdiction(), e.region()));
    }

    private Enterprise readable(OrganisationId id) {
        CurrentUser u = user();
        Enterprise e = store.enterprise(id).orElse(null);
        if (e == null || !mayRead(u, e)) {
            throw ChainProblem.notFound("No enterprise " + id + " in the chain registry.");
        }
        return e;
    }

    /** The caller's own enterprise, created from its identity organisation on first use. */
    private Enterprise managed(OrganisationId id) {
        CurrentUser u = user();
        if (!u.has(Role.REPORTER) || !u.organisationId().equals(id)) {
            Enterprise e = store.enterprise(id).orElse(null);
            if (e == null || !mayRead(u, e)) {
                throw ChainProblem.notFound("No enterprise " + id + " in the chain registry.");
            }
            throw ChainProblem.forbidden("Only the enterprise's own REPORTER users manage its registry records.");
        }
        return store.enterprise(id).orElseGet(() -> createFromIdentity(id));
    }

    private Enterprise createFromIdentity(OrganisationId id) {
        OrganisationProfile org =
                identity.organisation(id).orElseThrow(() -> ChainProblem.notFound("No organisation " + id + "."));
        var e = new Enterprise(id, org.name(), org.country(), org.region(), Set.of(), List.of(), false, 0);
        store.createEnterprise(e, clock.instant());
        audit.record(AuditRecord.success("TRACE_ENTERPRISE_REGISTERED", "TRACE_ENTERPRISE", id.toString())
                .withDetail(org.name()));
        return store.enterprise(id).orElseThrow();
    }

    // ---- enterprises

    public List<Enterprise> enterprises() {
        CurrentUser u = user();
        return store.enterprises().stream().filter(e -> mayRead(u, e)).toList();
    }

    public Enterprise enterprise(OrganisationId id) {
        return readable(id);
    }

    /**
     * Checks that the caller may read the enterprise's records (its own REPORTER users even before a profile exists,
     * authority staff within their jurisdiction); 404 otherwise.
     */
    public void requireReadable(OrganisationId id) {
        CurrentUser u = user();
        if (u.has(Role.REPORTER) && u.organisationId().equals(id)) {
            return;
        }
        readable(id);
    }

    /** The caller's own organisation, the default enterprise of a REPORTER's requests. */
    public OrganisationId callerOrganisation() {
        return user().organisationId();
    }

    /** Whether the caller manages this enterprise (a REPORTER of it): pages show forms only then. */
    public boolean managesOwn(OrganisationId id) {
        CurrentUser u = user();
        return u.has(Role.REPORTER) && u.organisationId().equals(id);
    }

    @Transactional
    public Enterprise updateEnterprise(OrganisationId id, EnterpriseRequest r) {
        Enterprise current = managed(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Activity> activities = EnumSet.noneOf(Activity.class);
        for (String a : r.activities() == null ? List.<String>of() : r.activities()) {
            try {
                activities.add(Activity.valueOf(a.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException ex) {
                errors.put("activities", "'" + a + "' is not one of " + List.of(Activity.values()));
            }
        }
        List<String> prefixes = new ArrayList<>();
        for (String p : r.companyPrefixes() == null ? List.<String>of() : r.companyPrefixes()) {
            String s = p == null ? "" : p.strip();
            if (!PREFIX.matcher(s).matches()) {
                errors.put("companyPrefixes", "'" + p + "' is not a GS1 company prefix (4 to 12 digits)");
            } else if (!prefixes.contains(s)) {
                prefixes.add(s);
                store.prefixOwner(s)
                        .filter(o -> !o.equals(id))
                        .ifPresent(
                                o -> errors.put("companyPrefixes", "'" + s + "' is registered by another enterprise"));
            }
        }
        if (r.version() == null) {
            errors.put("version", "is required (the version read, " + current.version() + ")");
        }
        if (!errors.isEmpty()) {
            throw ChainProblem.invalid(errors);
        }
        var updated =
                new Enterprise(id, current.name(), current.country(), current.region(), activities, prefixes, false, 0);
        if (!store.updateEnterprise(updated, r.version(), clock.instant())) {
            throw ChainProblem.conflict("The enterprise profile was changed meanwhile (version " + current.version()
                    + ", not " + r.version() + "); reload and retry.");
        }
        audit.record(AuditRecord.success("TRACE_ENTERPRISE_UPDATED", "TRACE_ENTERPRISE", id.toString())
                .withDetail("activities=" + activities + ", prefixes=" + prefixes));
        refreshAfterCommit();
        return store.enterprise(id).orElseThrow();
    }

    /**
     * Registers an upstream enterprise nobody of which has a login yet (demo seed, and where the authority records an
     * enterprise ahead of its users): a new id in the organisation id space, with its prefixes and sites. Idempotent
     * by name.
     */
    @Transactional
    public Enterprise registerUpstream(
            String name, CountryCode country, String region, Set<Activity> activities, List<String> prefixes) {
        var existing = store.enterpriseByName(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        var e = new Enterprise(
                new OrganisationId(UUID.randomUUID()), name, country, region, activities, prefixes, true, 0);
        store.createEnterprise(e, clock.instant());
        audit.record(AuditRecord.success("TRACE_ENTERPRISE_REGISTERED", "TRACE_ENTERPRISE", e.id().toString())
                .withDetail(name + " (registry only)"));
        refreshAfterCommit();
        return store.enterprise(e.id()).orElseThrow();
    }

    /** Registers the demo organisation's profile (seed only): creates it with these prefixes when absent. */
    @Transactional
    public Enterprise registerOrganisation(OrganisationId id, Set<Activity> activities, List<String> prefixes) {
        var existing = store.enterprise(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        OrganisationProfile org = identity.organisation(id).orElseThrow();
        var e = new Enterprise(id, org.name(), org.country(), org.region(), activities, prefixes, false, 0);
        store.createEnterprise(e, clock.instant());
        audit.record(AuditRecord.success("TRACE_ENTERPRISE_REGISTERED", "TRACE_ENTERPRISE", id.toString())
                .withDetail(org.name()));
        refreshAfterCommit();
        return store.enterprise(id).orElseThrow();
    }

    // ---- sites

    public List<StoredSite> sites(OrganisationId enterprise) {
        readable(enterprise);
        return store.sites(enterprise);
    }

    @Transactional
    public StoredSite createSite(OrganisationId enterprise, SiteRequest r) {
        managed(enterprise);
        return addSite(enterprise, r);
    }

    /** Adds a site without a caller (seed); idempotent by identifier. */
    @Transactional
    public StoredSite seedSite(OrganisationId enterprise, SiteRequest r) {
        String identifier = r.identifier() == null ? "" : r.identifier().strip();
        return store.site(identifier).orElseGet(() -> addSite(enterprise, r));
    }

    private StoredSite addSite(OrganisationId enterprise, SiteRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        String identifier = identifier(errors, "identifier", r.identifier(), 300);
        Site site = siteFields(errors, enterprise, identifier, r);
        if (!errors.isEmpty() || site == null) {
            throw ChainProblem.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        if (!store.createSite(id, site)) {
            throw ChainProblem.conflict("Site " + identifier + " is registered already.");
        }
        audit.record(AuditRecord.success("TRACE_SITE_CREATED", "TRACE_SITE", id.toString())
                .withDetail(identifier + " " + site.kind()));
        refreshAfterCommit();
        return store.site(id).orElseThrow();
    }

    @Transactional
    public StoredSite updateSite(OrganisationId enterprise, UUID siteId, SiteRequest r) {
        managed(enterprise);
        StoredSite current = store.site(siteId)
                .filter(s -> s.site().enterprise().equals(enterprise))
                .orElseThrow(() -> ChainProblem.notFound("No site " + siteId + " of this enterprise."));
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.identifier() != null
                && !r.identifier().strip().equals(current.site().identifier())) {
            errors.put("identifier", "cannot change: events refer to the site by it");
        }
        Site site = siteFields(errors, enterprise, current.site().identifier(), r);
        if (r.version() == null) {
            errors.put("version", "is required (the version read, " + current.version() + ")");
        }
        if (!errors.isEmpty() || site == null) {
            throw ChainProblem.invalid(errors);
        }
        if (!store.updateSite(siteId, site, r.version())) {
            throw ChainProblem.conflict("The site was changed meanwhile; reload and retry.");
        }
        audit.record(AuditRecord.success("TRACE_SITE_UPDATED", "TRACE_SITE", siteId.toString())
                .withDetail(site.identifier() + " " + site.kind()));
        refreshAfterCommit();
        return store.site(siteId).orElseThrow();
    }

    private static @Nullable Site siteFields(
            Map<String, String> errors, OrganisationId enterprise, String identifier, SiteRequest r) {
        SiteKind kind = null;
        if (r.kind() == null || r.kind().isBlank()) {
            errors.put("kind", "is required, one of " + List.of(SiteKind.values()));
        } else {
            try {
                kind = SiteKind.valueOf(r.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.put("kind", "'" + r.kind() + "' is not one of " + List.of(SiteKind.values()));
            }
        }
        String name = text(errors, "name", r.name(), 200);
        CountryCode country = country(errors, "country", r.country());
        String region = region(errors, r.region(), country);
        return errors.isEmpty() && kind != null && country != null
                ? new Site(identifier, enterprise, kind, name, country, region)
                : null;
    }

    // ---- quotas

    public List<StoredQuota> quotas(OrganisationId enterprise, @Nullable Integer year) {
        readable(enterprise);
        return store.quotas(enterprise, year);
    }

    @Transactional
    public StoredQuota setQuota(OrganisationId enterprise, QuotaRequest r) {
        CurrentUser u = user();
        Enterprise e = readable(enterprise);
        if (!maySetQuota(u, e)) {
            throw ChainProblem.forbidden(
                    "Quotas are set by a SUPERVISOR of the authority competent for " + e.region() + " or an ADMIN.");
        }
        return putQuota(e, r, u.username());
    }

    /** Sets a quota without a caller (seed) when none is set for the year and kind. */
    @Transactional
    public void seedQuota(OrganisationId enterprise, QuotaRequest r) {
        Enterprise e = store.enterprise(enterprise).orElseThrow();
        boolean present = store.quotas(enterprise, r.year()).stream()
                .anyMatch(q -> q.quota().kind().name().equals(r.kind()));
        if (!present) {
            putQuota(e, new QuotaRequest(r.year(), r.kind(), r.tonnesReo(), null), "demo");
        }
    }

    private StoredQuota putQuota(Enterprise e, QuotaRequest r, String by) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
            errors.put("year", "is required, a year between 2000 and 2100");
        }
        Quota.QuotaKind kind = null;
        try {
            kind = r.kind() == null
                    ? null
                    : Quota.QuotaKind.valueOf(r.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            // reported below
        }
        if (kind == null) {
            errors.put("kind", "is required, one of " + List.of(Quota.QuotaKind.values()));
        }
        if (r.tonnesReo() == null || r.tonnesReo().signum() < 0 || r.tonnesReo().compareTo(new BigDecimal("1e9")) > 0) {
            errors.put("tonnesReo", "is required, tonnes of rare-earth oxide, 0 or more");
        }
        if (!errors.isEmpty() || kind == null || r.year() == null || r.tonnesReo() == null) {
            throw ChainProblem.invalid(errors);
        }
        var q = new Quota(e.id(), r.year(), kind, r.tonnesReo());
        if (!store.setQuota(q, by, r.version(), clock.instant())) {
            throw ChainProblem.conflict(
                    r.version() == null
                            ? "A " + kind + " quota for " + r.year() + " is set already; send its version to change it."
                            : "The quota was changed meanwhile; reload and retry.");
        }
        audit.record(AuditRecord.success("TRACE_QUOTA_SET", "TRACE_ENTERPRISE", e.id().toString())
                .withDetail(r.year() + " " + kind + " " + r.tonnesReo().toPlainString() + " t REO"));
        final Quota.QuotaKind k = kind;
        return store.quotas(e.id(), r.year()).stream()
                .filter(s -> s.quota().kind() == k)
                .findFirst()
                .orElseThrow();
    }

    // ---- trading parties

    public List<StoredParty> parties(OrganisationId enterprise) {
        readable(enterprise);
        return store.parties(enterprise);
    }

    @Transactional
    public StoredParty createParty(OrganisationId enterprise, PartyRequest r) {
        managed(enterprise);
        Map<String, String> errors = new LinkedHashMap<>();
        String identifier = identifier(errors, "identifier", r.identifier(), 300);
        String name = text(errors, "name", r.name(), 300);
        CountryCode country = country(errors, "country", r.country());
        if (!errors.isEmpty() || country == null) {
            throw ChainProblem.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        if (!store.createParty(id, new TradingParty(identifier, name, country, null, enterprise), clock.instant())) {
            throw ChainProblem.conflict("Party " + identifier + " is registered already.");
        }
        audit.record(AuditRecord.success("TRACE_PARTY_CREATED", "TRACE_PARTY", id.toString())
                .withDetail(identifier + " " + name + " " + country));
        return store.party(id).orElseThrow();
    }

    /** Adds a trading party without a caller (seed); idempotent by identifier. */
    @Transactional
    public StoredParty seedParty(OrganisationId enterprise, String identifier, String name, CountryCode country) {
        return store.party(identifier).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            store.createParty(id, new TradingParty(identifier, name, country, null, enterprise), clock.instant());
            refreshAfterCommit();
            return store.party(id).orElseThrow();
        });
    }

    @Transactional
    public StoredParty updateParty(OrganisationId enterprise, UUID partyId, PartyRequest r) {
        managed(enterprise);
        StoredParty current = store.party(partyId)
                .filter(p -> p.party().registeredBy().equals(enterprise))
                .orElseThrow(() -> ChainProblem.notFound("No party " + partyId + " of this enterprise."));
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.identifier() != null
                && !r.identifier().strip().equals(current.party().identifier())) {
            errors.put("identifier", "cannot change: events refer to the party by it");
        }
        String name = text(errors, "name", r.name(), 300);
        CountryCode country = country(errors, "country", r.country());
        if (r.version() == null) {
            errors.put("version", "is required (the version read, " + current.version() + ")");
        }
        if (!errors.isEmpty() || country == null) {
            throw ChainProblem.invalid(errors);
        }
        var p = new TradingParty(current.party().identifier(), name, country, null, enterprise);
        if (!store.updateParty(partyId, p, r.version())) {
            throw ChainProblem.conflict("The party was changed meanwhile; reload and retry.");
        }
        audit.record(AuditRecord.success("TRACE_PARTY_UPDATED", "TRACE_PARTY", partyId.toString())
                .withDetail(p.identifier() + " " + name + " " + country));
        return store.party(partyId).orElseThrow();
    }

    // ---- lots

    public List<StoredLot> lots(OrganisationId enterprise) {
        readable(enterprise);
        return store.lots(enterprise, 500);
    }

    /** A lot by identifier: its owner's users and the authorities competent for the owner read it. */
    public StoredLot lot(String identifier) {
        CurrentUser u = user();
        StoredLot lot = store.lot(identifier.strip()).orElse(null);
        OrganisationId owner = lot == null ? null : lot.lot().owner();
        Enterprise e = owner == null ? null : store.enterprise(owner).orElse(null);
        if (lot == null || e == null || !mayRead(u, e)) {
            throw ChainProblem.notFound("No lot " + identifier.replaceAll("\\p{Cntrl}", "?") + " you may see.");
        }
        return lot;
    }

    @Transactional
    public StoredLot createLot(OrganisationId enterprise, LotRequest r) {
        managed(enterprise);
        Map<String, String> errors = new LinkedHashMap<>();
        String identifier = identifier(errors, "identifier", r.identifier(), 600);
        ProductType type = productType(errors, r.productType());
        Map<String, BigDecimal> fractions = fractions(errors, "elementContent", r.elementContent());
        if (!errors.isEmpty() || type == null) {
            throw ChainProblem.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        if (!store.createLot(
                id, new LotProfile(identifier, type, fractions, enterprise), "REGISTRY", null, clock.instant())) {
            throw ChainProblem.conflict("Lot " + identifier + " is registered already.");
        }
        audit.record(AuditRecord.success("TRACE_LOT_CREATED", "TRACE_LOT", id.toString())
                .withDetail(identifier + " " + type + " " + fractions));
        return store.lot(id).orElseThrow();
    }

    /** Registers a lot without a caller (seed); idempotent by identifier. */
    @Transactional
    public void seedLot(
            OrganisationId enterprise, String identifier, ProductType type, Map<String, BigDecimal> fractions) {
        if (store.lot(identifier).isEmpty()) {
            store.createLot(
                    UUID.randomUUID(),
                    new LotProfile(identifier, type, fractions, enterprise),
                    "REGISTRY",
                    null,
                    clock.instant());
        }
    }

    @Transactional
    public StoredLot updateLot(OrganisationId enterprise, UUID lotId, LotRequest r) {
        managed(enterprise);
        StoredLot current = store.lot(lotId)
                .filter(l -> enterprise.equals(l.lot().owner()))
                .orElseThrow(() -> ChainProblem.notFound("No lot " + lotId + " of this enterprise."));
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.identifier() != null
                && !r.identifier().strip().equals(current.lot().identifier())) {
            errors.put("identifier", "cannot change: events refer to the lot by it");
        }
        ProductType type = productType(errors, r.productType());
        Map<String, BigDecimal> fractions = fractions(errors, "elementContent", r.elementContent());
        if (r.version() == null) {
            errors.put("version", "is required (the version read, " + current.version() + ")");
        }
        if (!errors.isEmpty() || type == null) {
            throw ChainProblem.invalid(errors);
        }
        var lot = new LotProfile(current.lot().identifier(), type, fractions, enterprise);
        if (!store.updateLot(lotId, lot, r.version())) {
            throw ChainProblem.conflict("The lot was changed meanwhile; reload and retry.");
        }
        audit.record(AuditRecord.success("TRACE_LOT_UPDATED", "TRACE_LOT", lotId.toString())
                .withDetail(lot.identifier() + " " + type + " " + fractions));
        return store.lot(lotId).orElseThrow();
    }

    // ---- validation helpers

    private static String identifier(Map<String, String> errors, String field, @Nullable String raw, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            errors.put(field, "is required (a URI, e.g. urn:epc:id:sgln:6901234.00001.0)");
        } else if (s.length() > max
                || !s.contains(":")
                || s.chars().anyMatch(c -> Character.isWhitespace(c) || c < 32)) {
            errors.put(field, "must be a URI of at most " + max + " characters without blanks");
        }
        return s;
    }

    private static String text(Map<String, String> errors, String field, @Nullable String raw, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            errors.put(field, "is required");
        } else if (s.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return s;
    }

    private static @Nullable CountryCode country(Map<String, String> errors, String field, @Nullable String raw) {
        if (raw == null || !CountryCode.isValid(raw)) {
            errors.put(field, "must be an ISO 3166-1 alpha-2 country code, e.g. CN; was '" + raw + "'");
            return null;
        }
        return CountryCode.of(raw);
    }

    private static @Nullable String region(
            Map<String, String> errors, @Nullable String raw, @Nullable CountryCode country) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String region = raw.strip().toUpperCase(Locale.ROOT);
        var m = SUBDIVISION.matcher(region);
        if (!m.matches() || (country != null && !m.group(1).equals(country.value()))) {
            errors.put(
                    "region",
                    "must be an ISO 3166-2 subdivision" + (country == null ? "" : " of " + country)
                            + ", e.g. CN-JX; was '" + raw + "'");
        }
        return region;
    }

    private static @Nullable ProductType productType(Map<String, String> errors, @Nullable String raw) {
        try {
            return raw == null ? fail(errors) : ProductType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            return fail(errors);
        }
    }

    private static @Nullable ProductType fail(Map<String, String> errors) {
        errors.put("productType", "is required, one of " + List.of(ProductType.values()));
        return null;
    }

    /**
     * Element content as mass fractions: symbols checked against the periodic table, each fraction between 0 and 1,
     * their sum at most 1.
     */
    public static Map<String, BigDecimal> fractions(
            Map<String, String> errors, String field, @Nullable Map<String, ?> raw) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (var entry : raw.entrySet()) {
            String symbol = ChemicalElements.symbol(entry.getKey());
            if (symbol == null) {
                errors.put(field + "." + entry.getKey(), "is not a chemical element symbol");
                continue;
            }
            BigDecimal f;
            try {
                f = new BigDecimal(String.valueOf(entry.getValue()).strip());
            } catch (NumberFormatException ex) {
                errors.put(field + "." + symbol, "must be a decimal mass fraction between 0 and 1");
                continue;
            }
            if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0 || f.scale() > 9) {
                errors.put(field + "." + symbol, "must be a mass fraction between 0 and 1 (at most 9 decimals)");
                continue;
            }
            out.put(symbol, f);
            sum = sum.add(f);
        }
        if (sum.compareTo(BigDecimal.ONE) > 0) {
            errors.put(field, "fractions add up to " + sum.toPlainString() + ", more than 1");
        }
        return out;
    }

    private void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.refresh();
                }
            });
        } else {
            cache.refresh();
        }
    }
}
