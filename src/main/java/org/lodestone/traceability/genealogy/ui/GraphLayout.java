package org.lodestone.traceability.genealogy.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.genealogy.Trace;
import org.lodestone.traceability.genealogy.Trace.TraceEdge;
import org.lodestone.traceability.genealogy.Trace.TraceNode;

/**
 * A layered drawing of a trace: one column per generation, material flowing left to right (a backward trace has the
 * mines on the left and the root on the right, a forward trace the root on the left). Within a column nodes are
 * ordered by the mean row of their neighbours in the column before, which keeps most edges from crossing.
 */
record GraphLayout(int width, int height, List<Placed> nodes, List<Line> edges, List<Row> rows) {

    static final int NODE_W = 210;
    static final int NODE_H = 58;
    static final int COL = 290;
    static final int ROW = 84;
    static final int MARGIN = 20;

    /** One edge as a table row, for readers that do not see the drawing. */
    record Row(
            String from,
            String to,
            String kind,
            String quantity,
            @Nullable String eventId,
            String eventTime) {}

    record Placed(TraceNode node, int x, int y, String label, String detail, boolean root) {}

    record Line(int x1, int y1, int x2, int y2, String label, String kind) {
        public int midX() {
            return (x1 + x2) / 2;
        }

        public int midY() {
            return (y1 + y2) / 2 - 4;
        }
    }

    public int nodeWidth() {
        return NODE_W;
    }

    public int nodeHeight() {
        return NODE_H;
    }

    static GraphLayout of(Trace trace) {
        boolean backward = trace.direction() == Trace.Direction.BACKWARD;
        int maxDepth = trace.nodes().stream().mapToInt(TraceNode::depth).max().orElse(0);
        Map<Integer, List<TraceNode>> columns = new TreeMap<>();
        for (TraceNode n : trace.nodes()) {
            int column = backward ? maxDepth - n.depth() : n.depth();
            columns.computeIfAbsent(column, c -> new ArrayList<>()).add(n);
        }
        Map<Long, List<Long>> neighbours = new HashMap<>();
        for (TraceEdge e : trace.edges()) {
            neighbours.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            neighbours.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        }
        Map<Long, Integer> row = new HashMap<>();
        Map<Long, Placed> placed = new HashMap<>();
        List<Placed> out = new ArrayList<>();
        int rows = 0;
        for (Map.Entry<Integer, List<TraceNode>> column : columns.entrySet()) {
            List<TraceNode> nodes = column.getValue();
            nodes.sort(Comparator.comparingDouble((TraceNode n) -> barycenter(n, neighbours, row))
                    .thenComparing(TraceNode::identifier));
            for (int i = 0; i < nodes.size(); i++) {
                TraceNode n = nodes.get(i);
                row.put(n.id(), i);
                Placed p = new Placed(
                        n,
                        MARGIN + column.getKey() * COL,
                        MARGIN + i * ROW,
                        shortForm(n.identifier()),
                        detail(n),
                        n.identifier().equals(trace.root()));
                placed.put(n.id(), p);
                out.add(p);
            }
            rows = Math.max(rows, nodes.size());
        }
        List<Line> lines = new ArrayList<>();
        List<Row> rows2 = new ArrayList<>();
        for (TraceEdge e : trace.edges()) {
            Placed f = placed.get(e.from());
            Placed t = placed.get(e.to());
            if (f != null && t != null) {
                String q = quantity(e);
                if (e.outputQuantity() != null) {
                    q = q + " → " + e.outputQuantity().toPlainString() + " " + unit(e.outputUom());
                }
                rows2.add(new Row(
                        f.node().identifier(),
                        t.node().identifier(),
                        e.kind(),
                        q,
                        e.eventId(),
                        e.eventTime().toString()));
            }
            Placed from = placed.get(e.from());
            Placed to = placed.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            lines.add(new Line(
                    from.x() + NODE_W, from.y() + NODE_H / 2, to.x(), to.y() + NODE_H / 2, quantity(e), e.kind()));
        }
        int width = MARGIN * 2 + Math.max(1, columns.size()) * COL - (COL - NODE_W);
        int height = MARGIN * 2 + Math.max(1, rows) * ROW - (ROW - NODE_H);
        return new GraphLayout(width, height, out, lines, rows2);
    }

    private static double barycenter(TraceNode n, Map<Long, List<Long>> neighbours, Map<Long, Integer> row) {
        double sum = 0;
        int count = 0;
        for (Long other : neighbours.getOrDefault(n.id(), List.of())) {
            Integer r = row.get(other);
            if (r != null) {
                sum += r;
                count++;
            }
        }
        return count == 0 ? Double.MAX_VALUE : sum / count;
    }

    /** A label that fits a node: the last segment of the URI, cut from the left when still long. */
    static String shortForm(String identifier) {
        String s = identifier;
        if (s.startsWith("urn:uuid:")) {
            s = s.substring("urn:uuid:".length(), Math.min(s.length(), "urn:uuid:".length() + 8));
        } else {
            int colon = s.lastIndexOf(':');
            int slash = s.lastIndexOf('/');
            s = s.substring(Math.max(colon, slash) + 1);
        }
        return s.length() <= 26 ? s : "…" + s.substring(s.length() - 25);
    }

    private static String detail(TraceNode n) {
        if (n.productType() != null) {
            return n.productType().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        }
        if (n.shipment() != null && n.shipment().licence() != null) {
            return "shipment · " + n.shipment().licence();
        }
        return n.kind();
    }

    static String quantity(TraceEdge e) {
        @Nullable String q = e.quantity() == null ? null : e.quantity().toPlainString() + " " + unit(e.uom());
        return q == null ? e.kind().toLowerCase(java.util.Locale.ROOT) : q.strip();
    }

    private static String unit(@Nullable String uom) {
        if (uom == null) {
            return "pcs";
        }
        return switch (uom) {
            case "KGM" -> "kg";
            case "TNE" -> "t";
            case "GRM" -> "g";
            default -> uom;
        };
    }
}
