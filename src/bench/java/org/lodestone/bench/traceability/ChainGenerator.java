package org.lodestone.bench.traceability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.BizTransaction;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.lodestone.traceability.epcis.SourceDestination;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded, deterministic rare-earth chain for benchmarks: 20 mines, 50 plants (15 separation plants, 20 smelters,
 * 15 alloy plants), 500 magnet makers and 2,000 foreign consignees. Material flows mine → separation → smelting →
 * alloying → magnet making → export, each step a commissioning or TransformationEvent (with ILMD
 * {@code lodestone:productType} and {@code lodestone:elementContent}) plus a shipping and a receiving ObjectEvent; magnet
 * lots are packed on pallets (AggregationEvent) and exported under a licence (business transaction
 * {@code urn:lodestone:btt:licence}). Transformations take several lots received at the same site, so a magnet lot
 * traces back to several mines. Every lot is consumed whole, so the chain balances.
 *
 * <p>Use {@link #documents(long, int, int)} for EPCIS JSON documents (capture benchmarks), {@link #batches} for the
 * same events as {@link EpcisEvent}s plus their document (projection benchmarks), and {@link #magnetLots()} for lots
 * to trace once a stream was consumed. The same seed gives the same documents, event ids included.
 */
public final class ChainGenerator {

    public static final int MINES = 20;
    public static final int SEPARATION = 15;
    public static final int SMELTERS = 20;
    public static final int ALLOY = 15;
    public static final int MAGNET_MAKERS = 500;
    public static final int CONSIGNEES = 2000;

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One EPCIS document: its events as the model and as JSON text. */
    public record Document(List<EpcisEvent> events, String json) {}

    private final Random random;
    private final List<String> magnetLots = new ArrayList<>();
    private long counter;
    private long clock;

    /** Lots received at a site of a stage and waiting to be transformed, per site. */
    private final List<Map<Integer, ArrayDeque<Lot>>> waiting = new ArrayList<>();

    private final ArrayDeque<EpcisEvent> ready = new ArrayDeque<>();

    private record Lot(String epcClass, BigDecimal kg) {}

    private enum Stage {
        SEPARATION(ChainGenerator.SEPARATION, "SEPARATED_OXIDE", 2, "0.85"),
        SMELTING(ChainGenerator.SMELTERS, "METAL", 2, "0.8"),
        ALLOYING(ChainGenerator.ALLOY, "ALLOY", 2, "1.35"),
        MAGNETS(ChainGenerator.MAGNET_MAKERS, "MAGNET", 2, "0.95");

        final int sites;
        final String output;
        final int inputs;
        final BigDecimal yield;

        Stage(int sites, String output, int inputs, String yield) {
            this.sites = sites;
            this.output = output;
            this.inputs = inputs;
            this.yield = new BigDecimal(yield);
        }
    }

    public ChainGenerator(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < Stage.values().length; i++) {
            waiting.add(new HashMap<>());
        }
    }

    /** EPCIS 2.0 JSON-LD documents of {@code perDocument} events each, {@code events} in all. */
    public static Stream<String> documents(long seed, int events, int perDocument) {
        return new ChainGenerator(seed).batches(events, perDocument).map(Document::json);
    }

    /** The documents with their events as the model, lazily; {@link #magnetLots()} grows as they are consumed. */
    public Stream<Document> batches(int events, int perDocument) {
        Iterator<Document> it = new Iterator<>() {
            int produced;

            @Override
            public boolean hasNext() {
                return produced < events;
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(perDocument, events - produced);
                List<EpcisEvent> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(nextEvent());
                }
                produced += n;
                return new Document(list, document(list));
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    /** Magnet lots produced so far (in the documents already consumed). */
    public List<String> magnetLots() {
        return List.copyOf(magnetLots);
    }

    // ---- the chain -------------------------------------------------------------------------------------------------

    public static String site(String kind, int index) {
        return "urn:epc:id:sgln:6901234." + kind + String.format("%04d", index) + ".0";
    }

    private static String siteOf(Stage stage, int index) {
        return site(
                switch (stage) {
                    case SEPARATION -> "2";
                    case SMELTING -> "3";
                    case ALLOYING -> "4";
                    case MAGNETS -> "5";
                },
                index);
    }

    public static String consignee(int index) {
        return "urn:epc:id:pgln:4012345." + String.format("%05d", index);
    }

    private EpcisEvent nextEvent() {
        while (ready.isEmpty()) {
            step();
        }
        return ready.poll();
    }

    /** One production step, downstream first, so lots flow through and mining happens when nothing else can. */
    private void step() {
        for (int s = Stage.values().length - 1; s >= 0; s--) {
            Stage stage = Stage.values()[s];
            Map<Integer, ArrayDeque<Lot>> pools = waiting.get(s);
            Integer site = null;
            for (Map.Entry<Integer, ArrayDeque<Lot>> e : pools.entrySet()) {
                if (e.getValue().size() >= stage.inputs) {
                    site = e.getKey();
                    break;
                }
            }
            if (site != null) {
                transform(stage, site, pools.get(site));
                return;
            }
        }
        mine();
    }

    private void mine() {
        int mine = random.nextInt(MINES);
        String site = site("1", mine);
        Lot ore = new Lot(lot("1", mine), kg(20_000 + random.nextInt(20_000)));
        ObjectNode ilmd = JSON.createObjectNode();
        ilmd.put("lodestone:productType", "ORE_CONCENTRATE");
        ilmd.putObject("lodestone:elementContent")
                .put("lodestone:Nd", 0.04 + random.nextInt(20) / 1000.0)
                .put("lodestone:Pr", 0.01)
                .put("lodestone:Dy", 0.001 + random.nextInt(5) / 1000.0);
        emit(object(Action.ADD, "commissioning", site, List.of(), List.of(ore), ilmd, null, null));
        deliver(Stage.SEPARATION, site, List.of(ore));
    }

    private void transform(Stage stage, int siteIndex, ArrayDeque<Lot> pool) {
        String site = siteOf(stage, siteIndex);
        List<Lot> inputs = new ArrayList<>();
        while (!pool.isEmpty() && inputs.size() < stage.inputs + 1) {
            inputs.add(pool.poll());
        }
        if (pool.isEmpty()) {
            waiting.get(stage.ordinal()).remove(siteIndex);
        }
        BigDecimal in = inputs.stream().map(Lot::kg).reduce(BigDecimal.ZERO, BigDecimal::add);
        String digit = String.valueOf(stage.ordinal() + 2);
        Lot out = new Lot(lot(digit, siteIndex), in.multiply(stage.yield).setScale(1, RoundingMode.HALF_UP));
        ObjectNode ilmd = JSON.createObjectNode();
        ilmd.put("lodestone:productType", stage.output);
        ilmd.putObject("lodestone:elementContent")
                .put("lodestone:Nd", stage == Stage.SEPARATION ? 0.7 : 0.29)
                .put("lodestone:Dy", 0.03);
        EventBuilder t = new EventBuilder(EventType.TRANSFORMATION, null, "commissioning", site);
        t.inputs = inputs;
        t.outputs = List.of(out);
        t.ilmd = ilmd;
        emit(t);
        if (stage == Stage.MAGNETS) {
            magnetLots.add(out.epcClass());
            String pallet = "urn:epc:id:sscc:6901234." + String.format("%010d", ++counter);
            EventBuilder pack = new EventBuilder(EventType.AGGREGATION, Action.ADD, "packing", site);
            pack.parent = pallet;
            pack.quantities = List.of(out);
            emit(pack);
            int consignee = (int) (CONSIGNEES * Math.pow(random.nextDouble(), 2));
            EventBuilder ship = new EventBuilder(EventType.OBJECT, Action.OBSERVE, "shipping", site);
            ship.epcs = List.of(pallet);
            ship.quantities = List.of(out);
            ship.licence = "CN-EX-2026-" + String.format("%06d", 1 + consignee % 997);
            ship.destinations = List.of(
                    new SourceDestination("owning_party", consignee(consignee)),
                    new SourceDestination(
                            "location", "urn:epc:id:sgln:4012345." + String.format("%05d", consignee) + ".0"));
            emit(ship);
            return;
        }
        deliver(Stage.values()[stage.ordinal() + 1], site, List.of(out));
    }

    /** Ships lots from a site to a site of the next stage, which receives them; popular sites get more (fan-in). */
    private void deliver(Stage next, String from, List<Lot> lots) {
        int to = (int) (next.sites * Math.pow(random.nextDouble(), 2));
        String dest = siteOf(next, to);
        EventBuilder ship = new EventBuilder(EventType.OBJECT, Action.OBSERVE, "shipping", from);
        ship.quantities = lots;
        ship.destinations = List.of(new SourceDestination("location", dest));
        emit(ship);
        EventBuilder receive = new EventBuilder(EventType.OBJECT, Action.OBSERVE, "receiving", dest);
        receive.quantities = lots;
        emit(receive);
        waiting.get(next.ordinal()).computeIfAbsent(to, k -> new ArrayDeque<>()).addAll(lots);
    }

    private String lot(String stage, int site) {
        return "urn:epc:class:lgtin:6901234.0" + stage + String.format("%04d", site) + ".L" + (++counter);
    }

    private static BigDecimal kg(int kg) {
        return BigDecimal.valueOf(kg);
    }

    private EventBuilder object(
            Action action,
            String step,
            String site,
            List<String> epcs,
            List<Lot> lots,
            @Nullable ObjectNode ilmd,
            @Nullable String licence,
            @Nullable List<SourceDestination> destinations) {
        EventBuilder b = new EventBuilder(EventType.OBJECT, action, step, site);
        b.epcs = epcs;
        b.quantities = lots;
        b.ilmd = ilmd;
        b.licence = licence;
        if (destinations != null) {
            b.destinations = destinations;
        }
        return b;
    }

    private void emit(EventBuilder b) {
        clock += 7 + random.nextInt(20);
        ready.add(b.build(START.plus(clock, ChronoUnit.SECONDS), new UUID(random.nextLong(), random.nextLong())));
    }

    private final class EventBuilder {
        final EventType type;
        final @Nullable Action action;
        final String bizStep;
        final String site;
        List<String> epcs = List.of();
        List<Lot> quantities = List.of();
        List<Lot> inputs = List.of();
        List<Lot> outputs = List.of();

        @Nullable
        String parent;

        @Nullable
        ObjectNode ilmd;

        @Nullable
        String licence;

        List<SourceDestination> destinations = List.of();

        EventBuilder(EventType type, @Nullable Action action, String bizStep, String site) {
            this.type = type;
            this.action = action;
            this.bizStep = bizStep;
            this.site = site;
        }

        EpcisEvent build(Instant time, UUID uuid) {
            String id = "urn:uuid:" + uuid;
            ObjectNode json = JSON.createObjectNode();
            json.put("type", type.documentName());
            json.put("eventID", id);
            json.put("eventTime", time.toString());
            json.put("eventTimeZoneOffset", "+08:00");
            if (parent != null) {
                json.put("parentID", parent);
            }
            if (!epcs.isEmpty()) {
                ArrayNode a = json.putArray(type == EventType.AGGREGATION ? "childEPCs" : "epcList");
                epcs.forEach(a::add);
            }
            if (action != null) {
                json.put("action", action.name());
            }
            json.put("bizStep", bizStep);
            json.putObject("readPoint").put("id", site);
            json.putObject("bizLocation").put("id", site);
            quantities(json, type == EventType.AGGREGATION ? "childQuantityList" : "quantityList", quantities);
            quantities(json, "inputQuantityList", inputs);
            quantities(json, "outputQuantityList", outputs);
            if (licence != null) {
                json.putArray("bizTransactionList")
                        .addObject()
                        .put("type", BizTransaction.LICENCE_TYPE)
                        .put("bizTransaction", BizTransaction.LICENCE_URI_PREFIX + licence);
            }
            if (!destinations.isEmpty()) {
                ArrayNode a = json.putArray("destinationList");
                destinations.forEach(d -> a.addObject().put("type", d.type()).put("destination", d.value()));
            }
            if (ilmd != null) {
                json.set("ilmd", ilmd);
            }
            return new EpcisEvent(
                    type,
                    id,
                    time,
                    "+08:00",
                    action,
                    bizStep,
                    null,
                    site,
                    site,
                    parent,
                    epcs,
                    elements(quantities),
                    List.of(),
                    elements(inputs),
                    List.of(),
                    elements(outputs),
                    licence == null ? List.of() : List.of(new BizTransaction(BizTransaction.LICENCE_TYPE, licence)),
                    List.of(),
                    destinations,
                    json);
        }
    }

    private static void quantities(ObjectNode json, String field, List<Lot> lots) {
        if (lots.isEmpty()) {
            return;
        }
        ArrayNode a = json.putArray(field);
        for (Lot l : lots) {
            a.addObject().put("epcClass", l.epcClass()).put("quantity", l.kg()).put("uom", "KGM");
        }
    }

    private static List<QuantityElement> elements(List<Lot> lots) {
        return lots.stream()
                .map(l -> new QuantityElement(l.epcClass(), l.kg(), "KGM"))
                .toList();
    }

    private static String document(List<EpcisEvent> events) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode context = doc.putArray("@context");
        context.add(CONTEXT);
        context.addObject().put("lodestone", "urn:lodestone:epcis:");
        doc.put("type", "EPCISDocument");
        doc.put("schemaVersion", "2.0");
        doc.put("creationDate", events.getFirst().eventTime().toString());
        ArrayNode list = doc.putObject("epcisBody").putArray("eventList");
        events.forEach(e -> list.add(e.json()));
        return JSON.writeValueAsString(doc);
    }
}
