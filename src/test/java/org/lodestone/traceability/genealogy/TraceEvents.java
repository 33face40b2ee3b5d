package org.lodestone.traceability.genealogy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.BizTransaction;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.lodestone.traceability.epcis.SourceDestination;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EPCIS events for traceability tests, and their "capture": {@link EventsCaptured} published inside a transaction,
 * as the capture will (capture itself is built elsewhere). Sequence numbers are unique in the JVM.
 */
public final class TraceEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() * 1000);

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;

    public TraceEvents(ApplicationEventPublisher publisher, TransactionTemplate transactions) {
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** Publishes the events as one capture by the reporter; answers their sequence numbers. */
    public List<Long> capture(OrganisationId reporter, EpcisEvent... events) {
        List<EventsCaptured.Stored> stored = new ArrayList<>();
        for (EpcisEvent e : events) {
            stored.add(new EventsCaptured.Stored(SEQ.incrementAndGet(), e));
        }
        transactions.executeWithoutResult(
                tx -> publisher.publishEvent(new EventsCaptured(UUID.randomUUID(), reporter, stored)));
        return stored.stream().map(EventsCaptured.Stored::seq).toList();
    }

    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String lot(String tag, String name) {
        return "urn:epc:class:lgtin:6901234.0" + name + "." + tag;
    }

    public static QuantityElement kg(String epcClass, String kg) {
        return new QuantityElement(epcClass, new BigDecimal(kg), "KGM");
    }

    public static EpcisEvent commission(String site, @Nullable String productType, QuantityElement... lots) {
        return event(EventType.OBJECT, Action.ADD, "commissioning", site, productType, List.of(), List.of(lots))
                .build();
    }

    public static EpcisEvent commissionInstances(String site, String... epcs) {
        return event(EventType.OBJECT, Action.ADD, "commissioning", site, null, List.of(epcs), List.of())
                .build();
    }

    public static EpcisEvent transform(
            String site, String productType, List<QuantityElement> inputs, List<QuantityElement> outputs) {
        Builder b = event(EventType.TRANSFORMATION, null, "transforming", site, productType, List.of(), List.of());
        b.inputs = inputs;
        b.outputs = outputs;
        return b.build();
    }

    public static EpcisEvent aggregate(String site, String parent, List<String> children, QuantityElement... lots) {
        Builder b = event(EventType.AGGREGATION, Action.ADD, "packing", site, null, children, List.of(lots));
        b.parent = parent;
        return b.build();
    }

    public static EpcisEvent ship(
            String site,
            @Nullable String licence,
            @Nullable String destParty,
            @Nullable String destLocation,
            List<String> epcs,
            QuantityElement... lots) {
        Builder b = event(EventType.OBJECT, Action.OBSERVE, "shipping", site, null, epcs, List.of(lots));
        if (licence != null) {
            b.transactions = List.of(new BizTransaction(BizTransaction.LICENCE_TYPE, licence));
        }
        List<SourceDestination> dest = new ArrayList<>();
        if (destParty != null) {
            dest.add(new SourceDestination("owning_party", destParty));
        }
        if (destLocation != null) {
            dest.add(new SourceDestination("location", destLocation));
        }
        b.destinations = dest;
        return b.build();
    }

    public static EpcisEvent receive(String site, List<String> epcs, QuantityElement... lots) {
        return event(EventType.OBJECT, Action.OBSERVE, "receiving", site, null, epcs, List.of(lots))
                .build();
    }

    static Builder event(
            EventType type,
            @Nullable Action action,
            String bizStep,
            String site,
            @Nullable String productType,
            List<String> epcs,
            List<QuantityElement> quantities) {
        Builder b = new Builder();
        b.type = type;
        b.action = action;
        b.bizStep = bizStep;
        b.site = site;
        b.productType = productType;
        b.epcs = epcs;
        b.quantities = quantities;
        return b;
    }

    /** An event under construction; {@link #build} gives it a fresh eventID. */
    public static final class Builder {
        EventType type = EventType.OBJECT;

        @Nullable
        Action action;

        String bizStep = "";
        String site = "";

        @Nullable
        String productType;

        @Nullable
        String parent;

        List<String> epcs = List.of();
        List<QuantityElement> quantities = List.of();
        List<QuantityElement> inputs = List.of();
        List<QuantityElement> outputs = List.of();
        List<BizTransaction> transactions = List.of();
        List<SourceDestination> destinations = List.of();

        public EpcisEvent build() {
            String id = "urn:uuid:" + UUID.randomUUID();
            ObjectNode json = JSON.createObjectNode();
            json.put("type", type.documentName());
            json.put("eventID", id);
            if (productType != null) {
                json.putObject("ilmd").put("lodestone:productType", productType);
            }
            return new EpcisEvent(
                    type,
                    id,
                    Instant.now(),
                    "+08:00",
                    action,
                    bizStep,
                    null,
                    site,
                    site,
                    parent,
                    epcs,
                    quantities,
                    List.of(),
                    inputs,
                    List.of(),
                    outputs,
                    transactions,
                    List.of(),
                    destinations,
                    json);
        }
    }
}
