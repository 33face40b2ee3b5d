package org.lodestone.traceability.genealogy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.OrganisationId;
import org.lodestone.identity.OrganisationProfile;
import org.lodestone.identity.Role;
import org.lodestone.traceability.genealogy.Trace.Direction;
import org.lodestone.traceability.genealogy.Trace.ShipmentInfo;
import org.lodestone.traceability.genealogy.Trace.TraceEdge;
import org.lodestone.traceability.genealogy.Trace.TraceNode;
import org.lodestone.traceability.genealogy.store.GenealogyStore;
import org.lodestone.traceability.genealogy.store.GenealogyStore.EventRow;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Link;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Node;
import org.lodestone.traceability.genealogy.store.GenealogyStore.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backward and forward traces: an iterative breadth-first walk, one batched IN-list query per generation on the
 * indexed link table, through only the links the caller may see (an authority: links reported by enterprises in its
 * jurisdiction; a reporter: links from its own events). Bounded by {@code maxNodes}; the answer says when it was cut.
 * Guarded by {@code GenealogyTests}.
 */
@Component
public class Genealogy {

    public static final int MAX_DEPTH = 64;

    private final GenealogyStore store;
    private final Identity identity;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final int maxNodes;

    public Genealogy(
            GenealogyStore store,
            Identity identity,
            AuditTrail audit,
            TransactionTemplate transactions,
            @Value("${lodestone.traceability.genealogy.max-nodes:2000}") int maxNodes) {
        this.store = store;
        this.identity = identity;
        this.audit = audit;
        this.transactions = transactions;
        this.maxNodes = maxNodes;
    }

    /** Whose links a user may see, or null when the user may not trace at all. */
    public static @Nullable Scope scopeOf(CurrentUser user) {
        if (user.has(Role.REVIEWER) || user.has(Role.SUPERVISOR) || user.has(Role.ENFORCEMENT)) {
            String jurisdiction = user.jurisdiction();
            return jurisdiction == null || jurisdiction.isBlank() ? null : new Scope(jurisdiction.strip(), null);
        }
        if (user.has(Role.REPORTER)) {
            return new Scope(null, user.organisationId().value());
        }
        return null;
    }

    /**
     * The trace for the current user, audited as a read.
     *
     * @throws GenealogyProblem 403 for a user who may not trace, 404 for an identifier without visible links, 422 for
     *     bad parameters
     */
    public Trace traceFor(CurrentUser user, @Nullable String identifier, @Nullable String direction, int maxDepth) {
        Scope scope = scopeOf(user);
        if (scope == null) {
            throw GenealogyProblem.forbidden("Only authority reviewers, supervisors, enforcement officers with a "
                    + "jurisdiction and reporting enterprises may trace.");
        }
        if (identifier == null || identifier.isBlank()) {
            throw GenealogyProblem.invalid("identifier", "must name an EPC, lot class or shipment event id");
        }
        Direction d = direction(direction);
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw GenealogyProblem.invalid("maxDepth", "must be between 1 and " + MAX_DEPTH);
        }
        String id = identifier.strip();
        Trace trace = trace(id, d, maxDepth, scope);
        if (trace == null) {
            throw GenealogyProblem.notFound("No trace you may see starts at " + id.replaceAll("\\p{Cntrl}", "?") + ".");
        }
        transactions.executeWithoutResult(tx ->
                audit.record(AuditRecord.success("TRACE_GENEALOGY_READ", "TRACE_IDENTIFIER", cut(id))
                        .withDetail(d.name().toLowerCase(Locale.ROOT) + ", "
                                + trace.nodes().size() + " nodes" + (trace.truncated() ? ", truncated" : ""))));
        return trace;
    }

    public static Direction direction(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Direction.BACKWARD;
        }
        try {
            return Direction.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GenealogyProblem.invalid("direction", "must be backward or forward");
        }
    }

    /** The trace through the links the scope lets one see; null when the root is unknown or has no visible link. */
    public @Nullable Trace trace(String identifier, Direction direction, int maxDepth, Scope scope) {
        Node root = store.node(identifier).orElse(null);
        if (root == null) {
            return null;
        }
        boolean backward = direction == Direction.BACKWARD;
        Map<Long, Integer> depth = new LinkedHashMap<>();
        depth.put(root.id(), 0);
        Set<Long> frontier = new LinkedHashSet<>(List.of(root.id()));
        Map<String, Link> edges = new LinkedHashMap<>();
        boolean truncated = false;
        int level = 0;
        while (!frontier.isEmpty()) {
            List<Link> links = store.links(frontier, backward, scope);
            if (level == maxDepth) {
                truncated = !links.isEmpty();
                break;
            }
            Set<Long> next = new LinkedHashSet<>();
            for (Link l : links) {
                long other = backward ? l.from() : l.to();
                if (!depth.containsKey(other)) {
                    if (depth.size() >= maxNodes) {
                        truncated = true;
                        continue;
                    }
                    depth.put(other, level + 1);
                    next.add(other);
                }
                edges.putIfAbsent(l.from() + ">" + l.to() + ">" + l.eventSeq() + ">" + l.kind(), l);
            }
            frontier = next;
            level++;
        }
        if (edges.isEmpty()
                && !visibleAlone(root, scope)
                && store.links(List.of(root.id()), !backward, scope).isEmpty()) {
            return null;
        }
        Map<Long, Node> nodes = store.nodes(depth.keySet());
        Set<Long> seqs = new HashSet<>();
        edges.values().forEach(l -> seqs.add(l.eventSeq()));
        Map<Long, EventRow> events = store.events(seqs);
        List<Long> shipmentIds = nodes.values().stream()
                .filter(n -> n.kind() == GenealogyStore.NodeKind.SHIPMENT)
                .map(Node::id)
                .toList();
        Map<Long, GenealogyStore.Shipment> shipments = shipmentIds.isEmpty() ? Map.of() : store.shipments(shipmentIds);
        Map<UUID, @Nullable String> owners = new HashMap<>();
        List<TraceNode> out = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : depth.entrySet()) {
            Node n = nodes.get(e.getKey());
            if (n == null) {
                continue;
            }
            GenealogyStore.Shipment s = shipments.get(n.id());
            out.add(new TraceNode(
                    n.id(),
                    n.identifier(),
                    n.kind().name().toLowerCase(Locale.ROOT),
                    n.productType(),
                    n.owner() == null ? null : owners.computeIfAbsent(n.owner(), this::ownerName),
                    e.getValue(),
                    s == null ? null : new ShipmentInfo(s.destParty(), s.destLocation(), s.licenceNumber())));
        }
        List<TraceEdge> outEdges = edges.values().stream()
                .map(l -> {
                    EventRow ev = events.get(l.eventSeq());
                    return new TraceEdge(
                            l.from(),
                            l.to(),
                            l.kind(),
                            ev == null ? null : ev.eventId(),
                            l.eventTime(),
                            l.quantity() == null ? null : l.quantity().stripTrailingZeros(),
                            l.uom(),
                            l.outQuantity() == null ? null : l.outQuantity().stripTrailingZeros(),
                            l.outUom());
                })
                .toList();
        return new Trace(identifier, direction, out, outEdges, truncated);
    }

    /** A node without visible links is shown only to the reporter that created it (or to an unscoped check). */
    private static boolean visibleAlone(Node root, Scope scope) {
        if (scope.regionPrefix() == null && scope.reporter() == null) {
            return true;
        }
        return scope.reporter() != null && scope.reporter().equals(root.owner());
    }

    private @Nullable String ownerName(UUID owner) {
        return identity.organisation(new OrganisationId(owner))
                .map(OrganisationProfile::name)
                .orElse(null);
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }
}
