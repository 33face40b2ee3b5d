package org.lodestone.traceability.genealogy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.lodestone.traceability.epcis.SourceDestination;
import org.lodestone.traceability.genealogy.Vocabulary.Amount;
import org.lodestone.traceability.genealogy.store.GenealogyStore;
import org.lodestone.traceability.genealogy.store.GenealogyStore.EventRow;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Link;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Node;
import org.lodestone.traceability.genealogy.store.GenealogyStore.NodeKind;
import org.lodestone.traceability.genealogy.store.GenealogyStore.OriginFact;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Scope;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Shipment;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Stock;
import org.lodestone.traceability.signals.Evidence;
import org.lodestone.traceability.signals.NewSignal;
import org.lodestone.traceability.signals.SignalKind;
import org.lodestone.traceability.signals.Signals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Projects newly captured events into genealogy links inside the capture transaction (so links commit with their
 * events), and runs the checks that need them:
 *
 * <ul>
 *   <li>NO_TRACEABLE_ORIGIN: an input of a transformation, or a shipped lot or instance, that no event so far created
 *       (commissioning ADD, transformation output, aggregation parent) or received; checked once the whole capture is
 *       applied, so the order of events inside one document does not matter, but an origin captured later does not
 *       withdraw the signal.
 *   <li>SHIPPED_TWICE: an instance EPC shipped while its previous shipping was not followed by a receipt; a lot class
 *       of which a holder (the event's business location, else read point, else the reporting enterprise) shipped or
 *       consumed more than ever came in there (created, transformed into or received), per unit (kg or pieces).
 *   <li>CYCLE: a new transformation or aggregation link whose output is already an ancestor of its input, found by a
 *       backward walk bounded to {@code cycleCheckNodes} nodes; only run for a link against the generation ranks
 *       (into a node already ranked at or below its input), which a chain captured in order never has. Ranks are
 *       raised without propagating to descendants, so a cycle closed through such a node may be missed.
 * </ul>
 *
 * Public (with its constructor) for the genealogy benchmark, which fills the tables through this same code. Guarded by
 * {@code GenealogyTests}.
 */
@Component
public class GenealogyProjection {

    private final GenealogyStore store;
    private final Signals signals;
    private final Identity identity;
    private final int cycleCheckNodes;

    public GenealogyProjection(
            GenealogyStore store,
            Signals signals,
            Identity identity,
            @Value("${lodestone.traceability.genealogy.cycle-check-nodes:2000}") int cycleCheckNodes) {
        this.store = store;
        this.signals = signals;
        this.identity = identity;
        this.cycleCheckNodes = cycleCheckNodes;
    }

    @EventListener
    void on(EventsCaptured captured) {
        String region = captured.reporterRegion() != null
                ? captured.reporterRegion()
                : identity.organisation(captured.reporter())
                        .map(OrganisationProfile::region)
                        .orElse(null);
        project(captured.reporter(), region, captured.events());
    }

    /** What one capture added, for tests and the benchmark. */
    public record Outcome(int links, int signals) {}

    public Outcome project(OrganisationId reporter, @Nullable String region, List<EventsCaptured.Stored> events) {
        Batch batch = new Batch(reporter, region);
        for (EventsCaptured.Stored s : events) {
            batch.collect(s.event());
        }
        if (batch.kinds.isEmpty()) {
            return new Outcome(0, 0);
        }
        batch.ids = store.intern(batch.kinds);
        for (EventsCaptured.Stored s : events) {
            batch.apply(s.seq(), s.event());
        }
        store.insertEvents(batch.events);
        store.insertLinks(batch.links);
        store.insertShipments(batch.shipments);
        store.recordOrigins(batch.origins);
        batch.checkOrigins();
        batch.checkInstancesShippedTwice(events);
        batch.checkLotsShippedTwice();
        batch.checkCycles();
        for (NewSignal signal : batch.signals.values()) {
            signals.raise(signal);
        }
        return new Outcome(batch.links.size(), batch.signals.size());
    }

    /** The state of one capture while it is projected. */
    private final class Batch {

        final OrganisationId reporter;
        final @Nullable String region;
        final Map<String, NodeKind> kinds = new LinkedHashMap<>();
        Map<String, Long> ids = Map.of();
        final List<EventRow> events = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        final List<Shipment> shipments = new ArrayList<>();
        final List<OriginFact> origins = new ArrayList<>();
        final Map<Stock.Key, Stock> stock = new LinkedHashMap<>();
        /** Lot stock keys that a shipping event drew from, with that event (SHIPPED_TWICE). */
        final Map<Stock.Key, String> shippedFrom = new LinkedHashMap<>();
        /** Nodes that must have an origin, with the event that used them. */
        final Map<Long, String> mustHaveOrigin = new LinkedHashMap<>();

        final Map<String, NewSignal> signals = new LinkedHashMap<>();

        Batch(OrganisationId reporter, @Nullable String region) {
            this.reporter = reporter;
            this.region = region;
        }

        void collect(EpcisEvent e) {
            e.epcList().forEach(epc -> kinds.putIfAbsent(epc, NodeKind.INSTANCE));
            e.quantityList().forEach(q -> kinds.putIfAbsent(q.epcClass(), NodeKind.LOT));
            if (e.parentId() != null) {
                kinds.putIfAbsent(e.parentId(), NodeKind.INSTANCE);
            }
            e.inputEpcList().forEach(epc -> kinds.putIfAbsent(epc, NodeKind.INSTANCE));
            e.inputQuantityList().forEach(q -> kinds.putIfAbsent(q.epcClass(), NodeKind.LOT));
            e.outputEpcList().forEach(epc -> kinds.putIfAbsent(epc, NodeKind.INSTANCE));
            e.outputQuantityList().forEach(q -> kinds.putIfAbsent(q.epcClass(), NodeKind.LOT));
            if (Vocabulary.shipping(e) && e.type() != EventType.TRANSFORMATION) {
                kinds.put(e.eventId(), NodeKind.SHIPMENT);
            }
        }

        long id(String identifier) {
            Long id = ids.get(identifier);
            if (id == null) {
                throw new IllegalStateException("not interned: " + identifier);
            }
            return id;
        }

        void apply(long seq, EpcisEvent e) {
            ProductType type = Vocabulary.productType(e);
            String productType = type == null ? null : type.name();
            int linksBefore = links.size();
            String holder = e.bizLocation() != null
                    ? e.bizLocation()
                    : e.readPoint() != null ? e.readPoint() : "org:" + reporter.value();
            switch (e.type()) {
                case TRANSFORMATION -> {
                    List<Input> inputs = new ArrayList<>();
                    e.inputEpcList().forEach(epc -> inputs.add(new Input(epc, null)));
                    e.inputQuantityList().forEach(q -> inputs.add(new Input(q.epcClass(), q)));
                    List<Input> outputs = new ArrayList<>();
                    e.outputEpcList().forEach(epc -> outputs.add(new Input(epc, null)));
                    e.outputQuantityList().forEach(q -> outputs.add(new Input(q.epcClass(), q)));
                    for (Input in : inputs) {
                        mustHaveOrigin.putIfAbsent(id(in.identifier()), e.eventId());
                        stockOut(in, holder);
                        for (Input out : outputs) {
                            links.add(link(seq, e, in, out, "TRANSFORMED"));
                        }
                    }
                    for (Input out : outputs) {
                        origins.add(new OriginFact(
                                id(out.identifier()), "TRANSFORMED", seq, reporter.value(), productType));
                        stockIn(out, holder);
                    }
                }
                case AGGREGATION -> {
                    if (e.parentId() != null && e.action() != Action.OBSERVE) {
                        String kind = e.action() == Action.DELETE ? "DISAGGREGATED" : "AGGREGATED";
                        Input parent = new Input(e.parentId(), null);
                        for (Input child : objects(e)) {
                            links.add(link(seq, e, child, parent, kind));
                        }
                        if (e.action() == Action.ADD) {
                            origins.add(new OriginFact(id(e.parentId()), "AGGREGATED", seq, reporter.value(), null));
                        }
                    }
                    if (Vocabulary.shipping(e) || Vocabulary.receiving(e)) {
                        transfer(seq, e, holder, productType);
                    }
                }
                case OBJECT, TRANSACTION -> {
                    if (Vocabulary.shipping(e) || Vocabulary.receiving(e)) {
                        transfer(seq, e, holder, productType);
                    } else if (e.type() == EventType.OBJECT && e.action() == Action.ADD) {
                        for (Input o : objects(e)) {
                            origins.add(new OriginFact(
                                    id(o.identifier()), "COMMISSIONED", seq, reporter.value(), productType));
                            stockIn(o, holder);
                        }
                    }
                }
                case ASSOCIATION -> {
                    // Associations (sensors, devices) say nothing about where material came from.
                }
            }
            if (links.size() > linksBefore) {
                events.add(new EventRow(seq, e.eventId(), e.eventTime(), reporter.value(), region));
            }
        }

        /** A shipping or receiving event: the objects leave into a shipment node, or arrive at the holder. */
        private void transfer(long seq, EpcisEvent e, String holder, @Nullable String productType) {
            List<Input> objects = new ArrayList<>(objects(e));
            if (e.type() == EventType.AGGREGATION && e.parentId() != null) {
                objects.add(new Input(e.parentId(), null));
            }
            if (Vocabulary.receiving(e)) {
                for (Input o : objects) {
                    origins.add(new OriginFact(id(o.identifier()), "RECEIVED", seq, reporter.value(), productType));
                    stockIn(o, holder);
                }
                return;
            }
            Input shipment = new Input(e.eventId(), null);
            long shipmentId = id(e.eventId());
            origins.add(new OriginFact(shipmentId, "SHIPMENT", seq, reporter.value(), null));
            shipments.add(new Shipment(
                    shipmentId,
                    seq,
                    first(e.sourceList(), false),
                    first(e.sourceList(), true),
                    first(e.destinationList(), false),
                    first(e.destinationList(), true),
                    e.licenceNumber()));
            for (Input o : objects) {
                links.add(link(seq, e, o, shipment, "SHIPPED"));
                mustHaveOrigin.putIfAbsent(id(o.identifier()), e.eventId());
                Stock.Key key = stockOut(o, holder);
                if (key != null) {
                    shippedFrom.putIfAbsent(key, e.eventId());
                }
            }
        }

        private List<Input> objects(EpcisEvent e) {
            List<Input> objects = new ArrayList<>();
            e.epcList().forEach(epc -> objects.add(new Input(epc, null)));
            e.quantityList().forEach(q -> objects.add(new Input(q.epcClass(), q)));
            return objects;
        }

        private Link link(long seq, EpcisEvent e, Input from, Input to, String kind) {
            QuantityElement in = from.quantity();
            QuantityElement out = to.quantity();
            return new Link(
                    id(from.identifier()),
                    id(to.identifier()),
                    kind,
                    seq,
                    e.eventTime(),
                    in == null ? null : in.quantity(),
                    in == null ? null : in.uom(),
                    out == null ? null : out.quantity(),
                    out == null ? null : out.uom(),
                    reporter.value(),
                    region);
        }

        private void stockIn(Input o, String holder) {
            addStock(o, holder, true);
        }

        private Stock.@Nullable Key stockOut(Input o, String holder) {
            return addStock(o, holder, false);
        }

        private Stock.@Nullable Key addStock(Input o, String holder, boolean in) {
            QuantityElement q = o.quantity();
            Amount amount = q == null ? null : Vocabulary.normalise(q.quantity(), q.uom());
            if (amount == null) {
                return null;
            }
            Stock.Key key = new Stock.Key(id(o.identifier()), holder, amount.unit());
            Stock before = stock.getOrDefault(
                    key, new Stock(key.nodeId(), key.holder(), key.unit(), BigDecimal.ZERO, BigDecimal.ZERO));
            stock.put(
                    key,
                    new Stock(
                            key.nodeId(),
                            key.holder(),
                            key.unit(),
                            in ? before.in().add(amount.quantity()) : before.in(),
                            in ? before.out() : before.out().add(amount.quantity())));
            return key;
        }

        void checkOrigins() {
            if (mustHaveOrigin.isEmpty()) {
                return;
            }
            for (Node n : store.nodes(mustHaveOrigin.keySet()).values()) {
                if (n.origin() == null) {
                    String eventId = mustHaveOrigin.get(n.id());
                    raise(
                            SignalKind.NO_TRACEABLE_ORIGIN,
                            "node|" + n.identifier(),
                            n.identifier(),
                            n.identifier() + " is used or shipped, but no event created, commissioned or received it.",
                            new Evidence(eventId, "uses " + n.identifier() + " without a traceable origin"));
                }
            }
        }

        /** Walks shipping and receiving of instance EPCs in capture order against their stored in-transit state. */
        void checkInstancesShippedTwice(List<EventsCaptured.Stored> captured) {
            Set<Long> instances = new HashSet<>();
            for (EventsCaptured.Stored s : captured) {
                EpcisEvent e = s.event();
                if (e.type() != EventType.TRANSFORMATION && (Vocabulary.shipping(e) || Vocabulary.receiving(e))) {
                    instancesOf(e).forEach(epc -> instances.add(id(epc)));
                }
            }
            if (instances.isEmpty()) {
                return;
            }
            Map<Long, Node> nodes = store.nodes(instances);
            Map<Long, @Nullable Long> inTransit = new HashMap<>();
            nodes.values().forEach(n -> inTransit.put(n.id(), n.inTransitSeq()));
            Map<Long, String> eventIds = new HashMap<>();
            List<long[]> twice = new ArrayList<>();
            for (EventsCaptured.Stored s : captured) {
                EpcisEvent e = s.event();
                if (e.type() == EventType.TRANSFORMATION) {
                    continue;
                }
                boolean shipping = Vocabulary.shipping(e);
                if (!shipping && !Vocabulary.receiving(e)) {
                    continue;
                }
                eventIds.put(s.seq(), e.eventId());
                for (String epc : instancesOf(e)) {
                    long node = id(epc);
                    Long open = inTransit.get(node);
                    if (shipping && open != null && open != s.seq()) {
                        twice.add(new long[] {node, open, s.seq()});
                    }
                    inTransit.put(node, shipping ? s.seq() : null);
                }
            }
            Map<Long, @Nullable Long> changed = new HashMap<>();
            inTransit.forEach((node, seq) -> {
                Node before = nodes.get(node);
                Long was = before == null ? null : before.inTransitSeq();
                if (!java.util.Objects.equals(was, seq)) {
                    changed.put(node, seq);
                }
            });
            store.setInTransit(changed);
            if (twice.isEmpty()) {
                return;
            }
            Set<Long> unknown = new HashSet<>();
            twice.forEach(t -> {
                if (!eventIds.containsKey(t[1])) {
                    unknown.add(t[1]);
                }
            });
            store.events(unknown).forEach((seq, row) -> eventIds.put(seq, row.eventId()));
            Map<Long, Node> named = store.nodes(twice.stream().map(t -> t[0]).toList());
            for (long[] t : twice) {
                String identifier = named.get(t[0]).identifier();
                raise(
                        SignalKind.SHIPPED_TWICE,
                        "instance|" + identifier,
                        identifier,
                        identifier + " was shipped again without being received back after its previous shipping.",
                        new Evidence(eventIds.get(t[1]), "shipped " + identifier),
                        new Evidence(eventIds.get(t[2]), "shipped " + identifier + " again, no receipt in between"));
            }
        }

        private List<String> instancesOf(EpcisEvent e) {
            List<String> epcs = new ArrayList<>(e.epcList());
            if (e.type() == EventType.AGGREGATION && e.parentId() != null) {
                epcs.add(e.parentId());
            }
            return epcs;
        }

        void checkLotsShippedTwice() {
            if (stock.isEmpty()) {
                return;
            }
            Map<Stock.Key, Stock> totals = store.addStock(stock.values());
            if (shippedFrom.isEmpty()) {
                return;
            }
            Set<Long> over = new HashSet<>();
            shippedFrom.keySet().forEach(k -> {
                Stock t = totals.get(k);
                if (t != null && t.out().compareTo(t.in()) > 0) {
                    over.add(k.nodeId());
                }
            });
            if (over.isEmpty()) {
                return;
            }
            Map<Long, Node> nodes = store.nodes(over);
            shippedFrom.forEach((k, eventId) -> {
                Stock t = totals.get(k);
                Node n = nodes.get(k.nodeId());
                if (t == null || n == null || t.out().compareTo(t.in()) <= 0) {
                    return;
                }
                if (t.in().signum() == 0 && n.origin() == null) {
                    return; // never there at all and no origin anywhere: NO_TRACEABLE_ORIGIN says it
                }
                String unit = k.unit().equals("KGM") ? "kg" : k.unit();
                raise(
                        SignalKind.SHIPPED_TWICE,
                        "lot|" + n.identifier() + "|" + k.holder(),
                        n.identifier(),
                        n.identifier() + ": " + plain(t.out()) + " " + unit + " shipped or used at " + k.holder()
                                + ", but only " + plain(t.in()) + " " + unit + " ever came in there.",
                        new Evidence(eventId, "ships " + n.identifier() + " from " + k.holder()));
            });
        }

        /**
         * Links go from a lower to a higher generation rank; a link into a node already ranked above its input cannot
         * close a cycle (every path out of that node climbs), nor can one into a node seen for the first time. Only
         * links against the ranks are checked by walking back from the input.
         */
        void checkCycles() {
            List<Link> candidates = links.stream()
                    .filter(l -> l.kind().equals("TRANSFORMED") || l.kind().equals("AGGREGATED"))
                    .toList();
            if (candidates.isEmpty()) {
                return;
            }
            Set<Long> involved = new HashSet<>();
            candidates.forEach(l -> {
                involved.add(l.from());
                involved.add(l.to());
            });
            Map<Long, Node> stored = store.nodes(involved);
            Map<Long, Integer> rank = new HashMap<>();
            stored.values().forEach(n -> {
                if (n.generation() != null) {
                    rank.put(n.id(), n.generation());
                }
            });
            Map<Long, Integer> changed = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (Link l : candidates) {
                if (!rank.containsKey(l.from())) {
                    rank.put(l.from(), 0);
                    changed.put(l.from(), 0);
                }
                int from = rank.get(l.from());
                Integer to = rank.get(l.to());
                if (to == null || to > from) {
                    if (to == null) {
                        rank.put(l.to(), from + 1);
                        changed.put(l.to(), from + 1);
                    }
                    continue;
                }
                rank.put(l.to(), from + 1);
                changed.put(l.to(), from + 1);
                if (!seen.add(l.from() + ">" + l.to())) {
                    continue;
                }
                if (l.from() == l.to() || isAncestor(l.to(), l.from())) {
                    String child = stored.get(l.from()).identifier();
                    String parent = stored.get(l.to()).identifier();
                    String eventId = events.stream()
                            .filter(ev -> ev.seq() == l.eventSeq())
                            .map(EventRow::eventId)
                            .findFirst()
                            .orElse(null);
                    raise(
                            SignalKind.CYCLE,
                            "cycle|" + parent + "|" + child,
                            parent,
                            parent + " goes into " + child + ", but " + parent + " is already among the ancestors of "
                                    + child + ".",
                            new Evidence(eventId, child + " -> " + parent + " closes a cycle"));
                }
            }
            store.setGenerations(changed);
        }

        /** Whether {@code ancestor} is reached walking back from {@code node}, within the configured bound. */
        private boolean isAncestor(long ancestor, long node) {
            Set<Long> seen = new HashSet<>(List.of(node));
            Set<Long> frontier = new LinkedHashSet<>(List.of(node));
            while (!frontier.isEmpty() && seen.size() < cycleCheckNodes) {
                Set<Long> next = new LinkedHashSet<>();
                for (Link l : store.links(frontier, true, Scope.ALL)) {
                    if (l.from() == ancestor) {
                        return true;
                    }
                    if (seen.add(l.from())) {
                        next.add(l.from());
                    }
                }
                frontier = next;
            }
            return false;
        }

        private void raise(SignalKind kind, String key, String subject, String summary, Evidence... evidence) {
            String k = kind + "|" + key;
            NewSignal existing = signals.get(k);
            List<Evidence> all = new ArrayList<>(existing == null ? List.of() : existing.evidence());
            for (Evidence ev : evidence) {
                if (!all.contains(ev)) {
                    all.add(ev);
                }
            }
            signals.put(k, new NewSignal(kind, key, reporter, region, subject, summary, all));
        }
    }

    private record Input(String identifier, @Nullable QuantityElement quantity) {}

    private static @Nullable String first(List<SourceDestination> list, boolean location) {
        String party = null;
        for (SourceDestination sd : list) {
            String type = Vocabulary.term(sd.type());
            if (location && "location".equals(type)) {
                return sd.value();
            }
            if (!location && "owning_party".equals(type)) {
                return sd.value();
            }
            if (!location && "possessing_party".equals(type) && party == null) {
                party = sd.value();
            }
        }
        return party;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
