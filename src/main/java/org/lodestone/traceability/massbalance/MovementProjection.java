package org.lodestone.traceability.massbalance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.chain.Chain;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.LotProfile;
import org.lodestone.traceability.chain.LotProfiles;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.chain.Quota;
import org.lodestone.traceability.chain.Site;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.chain.store.ChainStore;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.lodestone.traceability.epcis.SourceDestination;
import org.lodestone.traceability.massbalance.store.MovementStore;
import org.lodestone.traceability.massbalance.store.MovementStore.Declaration;
import org.lodestone.traceability.massbalance.store.MovementStore.Movement;
import org.lodestone.traceability.signals.Evidence;
import org.lodestone.traceability.signals.NewSignal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Projects captured events into movements and checks them, inside the capture transaction (after {@link LotProfiles},
 * so a transformation's outputs already have their profiles):
 *
 * <ul>
 *   <li>receiving/accepting → RECEIVED at the bizLocation (or destination location); shipping/departing → SHIPPED at
 *       the bizLocation, readPoint or source location; a transformation's inputs → CONSUMED and outputs → PRODUCED;
 *       commissioning (ADD) at a mine → PRODUCED; destroying or disposition destroyed → LOSS; cycle_counting or
 *       stock_taking (or a non-CBV inventorying) → STOCK;
 *   <li>a transformation whose output of an element exceeds its input × the plausible yield, or with outputs and no
 *       inputs at all → IMPLAUSIBLE_YIELD;
 *   <li>a stock declaration that closes a period (a previous declaration exists) with a balance beyond tolerance →
 *       IMBALANCE;
 *   <li>mine or separation production of the year above the quota, in tonnes REO → OVER_QUOTA.
 * </ul>
 *
 * Guarded by {@code MovementProjectionTests}.
 */
@Component
class MovementProjection {

    static final int ORDER = LotProfiles.ORDER + 10;

    private final MovementStore movements;
    private final MassBalance balance;
    private final Chain chain;
    private final ChainStore registry;
    private final Signals signals;

    MovementProjection(
            MovementStore movements, MassBalance balance, Chain chain, ChainStore registry, Signals signals) {
        this.movements = movements;
        this.balance = balance;
        this.chain = chain;
        this.registry = registry;
        this.signals = signals;
    }

    @EventListener
    @Order(ORDER)
    void on(EventsCaptured captured) {
        List<Movement> rows = new ArrayList<>();
        List<Movement> declarations = new ArrayList<>();
        Set<String> quotaChecks = new LinkedHashSet<>();
        for (EventsCaptured.Stored stored : captured.events()) {
            EpcisEvent e = stored.event();
            List<Movement> m = movements(stored.seq(), e, captured.reporter());
            rows.addAll(m);
            for (Movement mv : m) {
                if (mv.kind().equals(MovementKind.STOCK.name())) {
                    declarations.add(mv);
                }
                if (mv.kind().equals(MovementKind.PRODUCED.name())) {
                    Site site = chain.site(mv.site()).orElse(null);
                    if (site != null && (site.kind() == SiteKind.MINE || site.kind() == SiteKind.SEPARATION_PLANT)) {
                        int year = mv.eventTime().atZone(ZoneOffset.UTC).getYear();
                        quotaChecks.add(site.enterprise() + "|" + year);
                    }
                }
            }
            if (e.type() == EventType.TRANSFORMATION) {
                checkYield(e, captured.reporter());
            }
        }
        movements.record(rows);
        Set<String> closed = new LinkedHashSet<>();
        for (Movement d : declarations) {
            if (closed.add(d.site() + "|" + d.eventId())) {
                checkClosedPeriod(d);
            }
        }
        for (String check : quotaChecks) {
            String[] parts = check.split("\\|");
            checkQuota(OrganisationId.of(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    // ---- projection

    List<Movement> movements(long seq, EpcisEvent e, OrganisationId reporter) {
        List<Movement> out = new ArrayList<>();
        String step = term(e.bizStep());
        String disposition = term(e.disposition());
        if (e.type() == EventType.TRANSFORMATION) {
            String site = first(e.bizLocation(), e.readPoint());
            if (site != null) {
                add(out, seq, e, reporter, site, MovementKind.CONSUMED, e.inputQuantityList());
                add(out, seq, e, reporter, site, MovementKind.PRODUCED, e.outputQuantityList());
            }
            return out;
        }
        List<QuantityElement> quantities = e.quantityList();
        if (quantities.isEmpty()) {
            return out;
        }
        MovementKind kind;
        String site;
        if ("destroying".equals(step) || "destroyed".equals(disposition)) {
            kind = MovementKind.LOSS;
            site = first(e.bizLocation(), e.readPoint());
        } else if ("receiving".equals(step) || "accepting".equals(step)) {
            kind = MovementKind.RECEIVED;
            site = first(e.bizLocation(), location(e.destinationList()), e.readPoint());
        } else if ("shipping".equals(step) || "departing".equals(step)) {
            kind = MovementKind.SHIPPED;
            site = first(e.bizLocation(), e.readPoint(), location(e.sourceList()));
        } else if ("cycle_counting".equals(step) || "stock_taking".equals(step) || "inventorying".equals(step)) {
            kind = MovementKind.STOCK;
            site = first(e.bizLocation(), e.readPoint());
        } else if (e.type() == EventType.OBJECT && e.action() == Action.ADD) {
            // Commissioned material at a mine is mined output; commissioning elsewhere only labels what is there.
            site = first(e.bizLocation(), e.readPoint());
            Site registered = site == null ? null : chain.site(site).orElse(null);
            if (registered == null || registered.kind() != SiteKind.MINE) {
                return out;
            }
            kind = MovementKind.PRODUCED;
        } else {
            return out;
        }
        if (site != null) {
            add(out, seq, e, reporter, site, kind, quantities);
        }
        return out;
    }

    private void add(
            List<Movement> out,
            long seq,
            EpcisEvent e,
            OrganisationId reporter,
            String site,
            MovementKind kind,
            List<QuantityElement> quantities) {
        OrganisationId enterprise = chain.site(site).map(Site::enterprise).orElse(reporter);
        for (QuantityElement q : quantities) {
            BigDecimal kg = Units.kg(q.quantity(), q.uom());
            if (kg != null) {
                out.add(new Movement(seq, e.eventId(), e.eventTime(), enterprise, site, kind.name(), q.epcClass(), kg));
            }
        }
    }

    /** A CBV term in its bare form, whichever spelling was captured. */
    static @Nullable String term(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (String prefix : List.of(
                "urn:epcglobal:cbv:bizstep:",
                "urn:epcglobal:cbv:disp:",
                "https://ref.gs1.org/cbv/BizStep-",
                "https://ref.gs1.org/cbv/Disp-",
                "cbv:BizStep-",
                "cbv:Disp-")) {
            if (value.startsWith(prefix)) {
                return value.substring(prefix.length());
            }
        }
        return value;
    }

    private static @Nullable String location(List<SourceDestination> list) {
        for (SourceDestination sd : list) {
            if ("location".equals(term(sd.type())) || sd.type().endsWith("location")) {
                return sd.value();
            }
        }
        return null;
    }

    private static @Nullable String first(@Nullable String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }

    // ---- checks

    private void checkYield(EpcisEvent e, OrganisationId reporter) {
        boolean outputs =
                !e.outputEpcList().isEmpty() || !e.outputQuantityList().isEmpty();
        boolean inputs = !e.inputEpcList().isEmpty() || !e.inputQuantityList().isEmpty();
        String site = first(e.bizLocation(), e.readPoint());
        Site registered = site == null ? null : chain.site(site).orElse(null);
        OrganisationId enterprise = registered != null ? registered.enterprise() : reporter;
        if (outputs && !inputs) {
            signals.raise(new NewSignal(
                    SignalKind.IMPLAUSIBLE_YIELD,
                    "thin-air|" + e.eventId(),
                    enterprise,
                    region(registered, enterprise),
                    "Transformation " + e.eventId(),
                    "A transformation reports outputs and no inputs at all: material out of thin air.",
                    List.of(new Evidence(
                            e.eventId(),
                            "outputs " + e.outputQuantityList().size() + " quantities, "
                                    + e.outputEpcList().size() + " EPCs; no inputs"))));
            return;
        }
        Map<String, BigDecimal> in = elements(e.inputQuantityList());
        Map<String, BigDecimal> out = elements(e.outputQuantityList());
        ProductType outputType = e.outputQuantityList().stream()
                .map(q -> chain.lot(q.epcClass()))
                .flatMap(Optional::stream)
                .map(LotProfile::type)
                .findFirst()
                .orElse(null);
        BigDecimal yield = balance.properties().yieldOf(outputType);
        BigDecimal floor = balance.properties().absoluteFloorKg();
        List<Evidence> evidence = new ArrayList<>();
        for (var o : out.entrySet()) {
            BigDecimal input = in.getOrDefault(o.getKey(), BigDecimal.ZERO);
            if (o.getValue().compareTo(input.multiply(yield).add(floor)) > 0) {
                evidence.add(new Evidence(
                        e.eventId(),
                        o.getKey() + ": output " + kg(o.getValue()) + " kg > input " + kg(input) + " kg × yield "
                                + yield.toPlainString()));
            }
        }
        if (!evidence.isEmpty()) {
            signals.raise(new NewSignal(
                    SignalKind.IMPLAUSIBLE_YIELD,
                    "yield|" + e.eventId(),
                    enterprise,
                    region(registered, enterprise),
                    "Transformation " + e.eventId(),
                    "Output of "
                            + String.join(
                                    ", ",
                                    evidence.stream()
                                            .map(x -> x.note().split(":")[0])
                                            .toList())
                            + " exceeds input × plausible yield ("
                            + (outputType == null ? "default" : outputType.name()) + " " + yield.toPlainString()
                            + ").",
                    evidence));
        }
    }

    /** kg per element of these quantities, from the lots' profiles; lots without a profile add nothing. */
    private Map<String, BigDecimal> elements(List<QuantityElement> quantities) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (QuantityElement q : quantities) {
            BigDecimal kg = Units.kg(q.quantity(), q.uom());
            if (kg == null) {
                continue;
            }
            chain.lot(q.epcClass())
                    .ifPresent(lot ->
                            lot.elementFractions().forEach((el, f) -> out.merge(el, kg.multiply(f), BigDecimal::add)));
        }
        return out;
    }

    private void checkClosedPeriod(Movement declaration) {
        List<Declaration> all =
                movements.declarations(declaration.enterprise(), declaration.site(), declaration.eventTime());
        List<Declaration> closing = all.stream()
                .filter(d -> d.time().equals(declaration.eventTime()))
                .toList();
        List<Declaration> opening =
                MassBalance.latest(all, null, declaration.eventTime().minusNanos(1000));
        if (opening.isEmpty()) {
            return;
        }
        List<Balance> balances = balance.window(
                declaration.enterprise(),
                declaration.site(),
                null,
                opening.getFirst().time(),
                declaration.eventTime(),
                opening,
                closing,
                false);
        Site site = chain.site(declaration.site()).orElse(null);
        for (Balance b : balances) {
            if (Boolean.FALSE.equals(b.withinTolerance())) {
                signals.raise(new NewSignal(
                        SignalKind.IMBALANCE,
                        declaration.enterprise() + "|" + b.site() + "|" + b.element() + "|" + b.periodStart() + "|"
                                + b.periodEnd(),
                        declaration.enterprise(),
                        region(site, declaration.enterprise()),
                        b.element() + " at " + b.site(),
                        "%s at %s from %s to %s: opening %s + received %s + produced %s − shipped %s − consumed %s − loss %s = %s kg expected, %s kg declared; difference %s kg beyond the tolerance of %s kg."
                                .formatted(
                                        b.element(),
                                        b.site(),
                                        b.periodStart(),
                                        b.periodEnd(),
                                        b.opening(),
                                        b.received(),
                                        b.produced(),
                                        b.shipped(),
                                        b.consumed(),
                                        b.loss(),
                                        b.expectedClosing(),
                                        b.closing(),
                                        b.difference(),
                                        b.allowed()),
                        List.of(
                                new Evidence(b.openingEvent(), "opening stock " + b.opening() + " kg " + b.element()),
                                new Evidence(
                                        b.closingEvent(),
                                        "closing stock " + b.closing() + " kg " + b.element() + ", expected "
                                                + b.expectedClosing() + " kg"))));
            }
        }
    }

    private void checkQuota(OrganisationId enterprise, int year) {
        List<Quota> quotas = chain.quotas(enterprise, year);
        if (quotas.isEmpty()) {
            return;
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Quota.QuotaKind kind : Quota.QuotaKind.values()) {
            BigDecimal allowed = quotas.stream()
                    .filter(q -> q.kind() == kind)
                    .map(Quota::tonnesReo)
                    .reduce(BigDecimal::add)
                    .orElse(null);
            if (allowed == null) {
                continue;
            }
            SiteKind siteKind = kind == Quota.QuotaKind.MINING ? SiteKind.MINE : SiteKind.SEPARATION_PLANT;
            List<Site> sites = chain.sites(enterprise).stream()
                    .filter(s -> s.kind() == siteKind)
                    .toList();
            Map<String, BigDecimal> produced = movements.produced(
                    enterprise, sites.stream().map(Site::identifier).toList(), from, to);
            BigDecimal tonnes = produced.entrySet().stream()
                    .map(p -> ReoFactors.reoKg(p.getKey(), p.getValue()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(new BigDecimal("1000"), 3, RoundingMode.HALF_EVEN);
            if (tonnes.compareTo(allowed) > 0) {
                signals.raise(new NewSignal(
                        SignalKind.OVER_QUOTA,
                        enterprise + "|" + kind + "|" + year,
                        enterprise,
                        region(sites.isEmpty() ? null : sites.getFirst(), enterprise),
                        kind + " quota " + year,
                        "%s output in %d is %s t REO, above the quota of %s t REO."
                                .formatted(kind, year, tonnes.toPlainString(), allowed.toPlainString()),
                        List.of(new Evidence(
                                null,
                                "produced " + tonnes.toPlainString() + " t REO by " + produced.keySet() + " at "
                                        + sites.stream().map(Site::identifier).toList()))));
            }
        }
    }

    private @Nullable String region(@Nullable Site site, OrganisationId enterprise) {
        if (site != null && site.region() != null) {
            return site.region();
        }
        return registry.enterprise(enterprise).map(Enterprise::region).orElse(null);
    }

    private static String kg(BigDecimal v) {
        return v.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }
}
