package org.lodestone.traceability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.OrganisationId;
import org.lodestone.shared.CountryCode;
import org.lodestone.traceability.chain.Activity;
import org.lodestone.traceability.chain.ChainRegistry;
import org.lodestone.traceability.chain.Enterprise;
import org.lodestone.traceability.chain.LodestoneVocabulary;
import org.lodestone.traceability.chain.SiteKind;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds EPCIS events as the capture would store them and publishes {@link EventsCaptured} inside a transaction, as
 * capture does; registers upstream enterprises with unique GS1 prefixes so tests in the shared context never collide.
 */
public final class TraceFixtures {

    private static final AtomicLong SEQ =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));

    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final ChainRegistry registry;

    public TraceFixtures(ApplicationContext context) {
        this.json = context.getBean(JsonMapper.class);
        this.publisher = context;
        this.transactions = context.getBean(TransactionTemplate.class);
        this.registry = context.getBean(ChainRegistry.class);
    }

    /** A fresh, unused 9-digit GS1 company prefix. */
    public static String prefix() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    public static String site(String prefix) {
        return "urn:epc:id:sgln:" + prefix + ".00001.0";
    }

    public static String lot(String prefix) {
        return "urn:epc:class:lgtin:" + prefix + ".012345.L"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A registry-only enterprise with one site of this kind at {@link #site(String)}. */
    public Enterprise enterprise(String prefix, SiteKind kind, String region) {
        return transactions.execute(status -> {
            Enterprise e = registry.registerUpstream(
                    "Test enterprise " + prefix,
                    new CountryCode("CN"),
                    region,
                    java.util.Set.of(Activity.MINING),
                    List.of(prefix));
            registry.seedSite(
                    e.id(),
                    new ChainRegistry.SiteRequest(site(prefix), kind.name(), "Site " + prefix, "CN", region, null));
            return e;
        });
    }

    public void quota(OrganisationId enterprise, int year, String kind, String tonnes) {
        transactions.executeWithoutResult(status -> registry.seedQuota(
                enterprise, new ChainRegistry.QuotaRequest(year, kind, new BigDecimal(tonnes), null)));
    }

    public static QuantityElement kg(String epcClass, String quantity) {
        return new QuantityElement(epcClass, new BigDecimal(quantity), "KGM");
    }

    /** ILMD with the Lodestone vocabulary: product type and element content ("Dy", "0.5", ...). */
    public ObjectNode ilmd(String productType, String... elementFractions) {
        ObjectNode ilmd = json.createObjectNode();
        ilmd.put(LodestoneVocabulary.PRODUCT_TYPE_KEY, productType);
        ObjectNode content = ilmd.putObject(LodestoneVocabulary.ELEMENT_CONTENT_KEY);
        for (int i = 0; i + 1 < elementFractions.length; i += 2) {
            content.put(LodestoneVocabulary.PREFIX + ":" + elementFractions[i], elementFractions[i + 1]);
        }
        return ilmd;
    }

    public EpcisEvent object(
            @Nullable Action action,
            @Nullable String bizStep,
            @Nullable String disposition,
            String site,
            Instant time,
            List<QuantityElement> quantities,
            @Nullable ObjectNode ilmd) {
        return event(
                EventType.OBJECT, action, bizStep, disposition, site, time, quantities, List.of(), List.of(), ilmd);
    }

    public EpcisEvent transformation(
            String site,
            Instant time,
            List<QuantityElement> inputs,
            List<QuantityElement> outputs,
            @Nullable ObjectNode ilmd) {
        return event(
                EventType.TRANSFORMATION, null, "commissioning", null, site, time, List.of(), inputs, outputs, ilmd);
    }

    private EpcisEvent event(
            EventType type,
            @Nullable Action action,
            @Nullable String bizStep,
            @Nullable String disposition,
            String site,
            Instant time,
            List<QuantityElement> quantities,
            List<QuantityElement> inputs,
            List<QuantityElement> outputs,
            @Nullable ObjectNode ilmd) {
        String id = "urn:uuid:" + UUID.randomUUID();
        ObjectNode node = json.createObjectNode();
        node.put("type", type.documentName());
        node.put("eventID", id);
        node.put("eventTime", time.toString());
        node.put("eventTimeZoneOffset", "+00:00");
        if (action != null) {
            node.put("action", action.name());
        }
        if (bizStep != null) {
            node.put("bizStep", bizStep);
        }
        node.putObject("bizLocation").put("id", site);
        if (ilmd != null) {
            node.set("ilmd", ilmd);
        }
        return new EpcisEvent(
                type,
                id,
                time,
                "+00:00",
                action,
                bizStep,
                disposition,
                null,
                site,
                null,
                List.of(),
                quantities,
                List.of(),
                inputs,
                List.of(),
                outputs,
                List.of(),
                List.of(),
                List.of(),
                node);
    }

    /** Publishes the events as one capture by {@code reporter}, in a transaction, as the capture does. */
    public void capture(OrganisationId reporter, EpcisEvent... events) {
        List<EventsCaptured.Stored> stored = new ArrayList<>();
        for (EpcisEvent e : events) {
            stored.add(new EventsCaptured.Stored(SEQ.incrementAndGet(), e));
        }
        transactions.executeWithoutResult(
                status -> publisher.publishEvent(new EventsCaptured(UUID.randomUUID(), reporter, stored)));
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
