package org.lodestone.traceability.massbalance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.massbalance.store.MovementStore;
import org.lodestone.traceability.massbalance.store.MovementStore.Declaration;
import org.lodestone.traceability.massbalance.store.MovementStore.Flow;
import org.springframework.stereotype.Component;

/**
 * Computes balances from the movements projection. For each site the period runs from the last stock declaration at
 * or before the start (the opening stock; zero when none was declared) to the last declaration within the period (the
 * closing stock; none means the balance cannot be checked yet). Callers check need-to-know. Guarded by
 * {@code MassBalanceTests}.
 */
@Component
public class MassBalance {

    static final int EVENTS_PER_FIGURE = 100;

    private final MovementStore movements;
    private final MassBalanceProperties properties;

    /** Public for the benchmark, which runs it on a bare data source. */
    public MassBalance(MovementStore movements, MassBalanceProperties properties) {
        this.movements = movements;
        this.properties = properties;
    }

    public MassBalanceProperties properties() {
        return properties;
    }

    /** Balances per site × element of the enterprise for the calendar days {@code from}..{@code to} (UTC). */
    public List<Balance> compute(
            OrganisationId enterprise,
            @Nullable String site,
            @Nullable String element,
            LocalDate from,
            LocalDate to,
            boolean withEvents) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> sites = site == null ? movements.sites(enterprise, end) : List.of(site);
        List<Balance> out = new ArrayList<>();
        for (String s : sites) {
            List<Declaration> declarations = movements.declarations(enterprise, s, end);
            List<Declaration> opening = latest(declarations, null, start);
            List<Declaration> closing = latest(declarations, start, end);
            // Movements stamped exactly at the period's start belong to it when no count opened it.
            Instant after = opening.isEmpty()
                    ? start.minusNanos(1000)
                    : opening.getFirst().time();
            Instant until = closing.isEmpty()
                    ? end.minusNanos(1000)
                    : closing.getFirst().time();
            for (Balance b : window(enterprise, s, element, after, until, opening, closing, withEvents)) {
                out.add(b.during(opening.isEmpty() ? start : after, closing.isEmpty() ? end : until));
            }
        }
        return out;
    }

    /** Balances of one site between two declarations (or bounds), per element. */
    List<Balance> window(
            OrganisationId enterprise,
            String site,
            @Nullable String element,
            Instant after,
            Instant until,
            List<Declaration> opening,
            List<Declaration> closing,
            boolean withEvents) {
        Map<String, BigDecimal> openingStock = movements.stock(
                enterprise, site, opening.stream().map(Declaration::eventId).toList(), element);
        Map<String, BigDecimal> closingStock = movements.stock(
                enterprise, site, closing.stream().map(Declaration::eventId).toList(), element);
        List<Flow> flows = movements.flows(enterprise, site, element, after, until);
        Map<String, List<String>> events =
                withEvents ? movements.events(enterprise, site, element, after, until, EVENTS_PER_FIGURE) : Map.of();
        TreeSet<String> elements = new TreeSet<>(openingStock.keySet());
        elements.addAll(closingStock.keySet());
        flows.forEach(f -> elements.add(f.element()));
        List<Balance> out = new ArrayList<>();
        for (String el : elements) {
            Map<MovementKind, BigDecimal> sums = new EnumMap<>(MovementKind.class);
            for (Flow f : flows) {
                if (f.element().equals(el)) {
                    sums.merge(MovementKind.valueOf(f.kind()), f.kg(), BigDecimal::add);
                }
            }
            Map<MovementKind, List<String>> ids = new EnumMap<>(MovementKind.class);
            for (MovementKind k : MovementKind.values()) {
                List<String> l = events.get(k.name() + "|" + el);
                if (l != null) {
                    ids.put(k, l);
                }
            }
            if (withEvents) {
                if (!opening.isEmpty()) {
                    ids.put(
                            MovementKind.STOCK,
                            opening.stream().map(Declaration::eventId).toList());
                }
                if (!closing.isEmpty()) {
                    List<String> both = new ArrayList<>(ids.getOrDefault(MovementKind.STOCK, List.of()));
                    closing.stream().map(Declaration::eventId).forEach(both::add);
                    ids.put(MovementKind.STOCK, both);
                }
            }
            var figures = new Balance.Figures(
                    openingStock.getOrDefault(el, BigDecimal.ZERO),
                    sums.getOrDefault(MovementKind.RECEIVED, BigDecimal.ZERO),
                    sums.getOrDefault(MovementKind.PRODUCED, BigDecimal.ZERO),
                    sums.getOrDefault(MovementKind.CONSUMED, BigDecimal.ZERO),
                    sums.getOrDefault(MovementKind.SHIPPED, BigDecimal.ZERO),
                    sums.getOrDefault(MovementKind.LOSS, BigDecimal.ZERO),
                    closing.isEmpty() ? null : closingStock.getOrDefault(el, BigDecimal.ZERO));
            out.add(Balance.of(
                    site,
                    el,
                    after,
                    until,
                    opening.isEmpty() ? null : opening.getFirst().eventId(),
                    closing.isEmpty() ? null : closing.getFirst().eventId(),
                    figures,
                    properties.tolerance(),
                    properties.absoluteFloorKg(),
                    ids));
        }
        return out;
    }

    /**
     * The declarations at the latest time in {@code (after, until]} (several events at the same instant count
     * together), or empty.
     */
    static List<Declaration> latest(List<Declaration> declarations, @Nullable Instant after, Instant until) {
        Instant best = null;
        for (Declaration d : declarations) {
            if ((after == null || d.time().isAfter(after)) && !d.time().isAfter(until)) {
                if (best == null || d.time().isAfter(best)) {
                    best = d.time();
                }
            }
        }
        if (best == null) {
            return List.of();
        }
        Instant t = best;
        return declarations.stream().filter(d -> d.time().equals(t)).toList();
    }
}
