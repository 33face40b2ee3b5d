package org.lodestone.traceability.chain;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.EventsCaptured;
import org.lodestone.traceability.chain.store.ChainStore;
import org.lodestone.traceability.epcis.Action;
import org.lodestone.traceability.epcis.EpcisEvent;
import org.lodestone.traceability.epcis.EventType;
import org.lodestone.traceability.epcis.QuantityElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Learns lot profiles from captured events: the ILMD of a commissioning ObjectEvent (action ADD) and of a
 * TransformationEvent describes the lots it creates ({@link LodestoneVocabulary}). The first description of a lot wins
 * (a later event cannot rewrite what a lot is; its owner can, through the registry); the reporter of the creating
 * event becomes the lot's owner when it has none. Runs inside the capture transaction, before the mass-balance
 * projection ({@link #ORDER}), which reads the profiles. Guarded by {@code LotProfilesTests}.
 */
@Component
public class LotProfiles {

    /** Listener order: lot profiles first, then projections that read them. */
    public static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(LotProfiles.class);

    private final ChainStore store;
    private final Clock clock;

    LotProfiles(ChainStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What an event's ILMD says about the lots it creates, or null when it says nothing usable. */
    public record Described(ProductType type, Map<String, BigDecimal> fractions) {}

    @EventListener
    @Order(ORDER)
    void on(EventsCaptured captured) {
        for (EventsCaptured.Stored stored : captured.events()) {
            EpcisEvent e = stored.event();
            List<String> created = createdLots(e);
            if (created.isEmpty()) {
                continue;
            }
            Described d = describe(e);
            for (String lot : created) {
                if (d != null) {
                    var profile = new LotProfile(lot, d.type(), d.fractions(), captured.reporter());
                    if (store.createLot(UUID.randomUUID(), profile, "EVENT", e.eventId(), clock.instant())) {
                        continue;
                    }
                }
                store.claimLot(lot, captured.reporter());
            }
        }
    }

    /** The lots and instances an event creates: a commissioning ObjectEvent's, a transformation's outputs. */
    public static List<String> createdLots(EpcisEvent e) {
        List<String> lots = new ArrayList<>();
        if (e.type() == EventType.OBJECT && e.action() == Action.ADD) {
            lots.addAll(e.epcList());
            e.quantityList().stream().map(QuantityElement::epcClass).forEach(lots::add);
        } else if (e.type() == EventType.TRANSFORMATION) {
            lots.addAll(e.outputEpcList());
            e.outputQuantityList().stream().map(QuantityElement::epcClass).forEach(lots::add);
        }
        return lots.stream().distinct().toList();
    }

    /**
     * Reads {@code lodestone:productType} and {@code lodestone:elementContent} from the event's ILMD (prefixed or
     * expanded keys). An unknown type makes the description unusable; invalid element entries are skipped and logged,
     * since the event is captured already and stays as reported.
     */
    public static @Nullable Described describe(EpcisEvent e) {
        JsonNode ilmd = e.json().get("ilmd");
        if (ilmd == null || !ilmd.isObject()) {
            return null;
        }
        JsonNode typeNode = field(ilmd, LodestoneVocabulary.PRODUCT_TYPE);
        if (typeNode == null || !typeNode.isString()) {
            return null;
        }
        ProductType type;
        try {
            type = ProductType.valueOf(typeNode.asString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            log.info("Event {} names unknown product type '{}'; no lot profile learnt", e.eventId(), typeNode);
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        JsonNode content = field(ilmd, LodestoneVocabulary.ELEMENT_CONTENT);
        if (content != null && content.isObject()) {
            for (var entry : content.properties()) {
                JsonNode v = entry.getValue();
                raw.put(
                        elementKey(entry.getKey()),
                        v.isNumber() ? v.decimalValue().toPlainString() : v.asString());
            }
        }
        Map<String, String> errors = new HashMap<>();
        Map<String, BigDecimal> fractions = ChainRegistry.fractions(errors, "elementContent", raw);
        if (!errors.isEmpty()) {
            log.info("Event {} has invalid element content {}; those entries are ignored", e.eventId(), errors);
            if (errors.containsKey("elementContent")) {
                fractions = Map.of();
            }
        }
        return new Described(type, fractions);
    }

    private static @Nullable JsonNode field(JsonNode ilmd, String local) {
        JsonNode n = ilmd.get(LodestoneVocabulary.PREFIX + ":" + local);
        return n != null ? n : ilmd.get(LodestoneVocabulary.NAMESPACE + local);
    }

    /**
     * The element symbol of a key of {@code lodestone:elementContent}: JSON-LD wants every key inside an extension
     * namespaced ({@code lodestone:Dy}, or the expanded {@code urn:lodestone:epcis:Dy}); a bare {@code Dy} is read too.
     */
    static String elementKey(String key) {
        if (key.startsWith(LodestoneVocabulary.NAMESPACE)) {
            return key.substring(LodestoneVocabulary.NAMESPACE.length());
        }
        if (key.startsWith(LodestoneVocabulary.PREFIX + ":")) {
            return key.substring(LodestoneVocabulary.PREFIX.length() + 1);
        }
        return key;
    }
}
