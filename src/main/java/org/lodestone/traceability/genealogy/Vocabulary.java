package org.lodestone.traceability.genealogy;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.lodestone.traceability.chain.ProductType;
import org.lodestone.traceability.epcis.EpcisEvent;
import tools.jackson.databind.JsonNode;

/**
 * The few CBV terms and units the projections read, tolerant of the forms a capture may keep (bare CBV term, the
 * {@code urn:epcglobal:cbv:} URN, or the GS1 web vocabulary URI).
 */
public final class Vocabulary {

    /** Namespace of Lodestone's ILMD fields ({@code lodestone:productType}, {@code lodestone:elementContent}). */
    public static final String LODESTONE_NS = "urn:lodestone:epcis:";

    private Vocabulary() {}

    /** The bare CBV term of a business step or disposition: {@code shipping} for any of its spellings. */
    public static @Nullable String term(@Nullable String value) {
        if (value == null) {
            return null;
        }
        int cut = Math.max(value.lastIndexOf(':'), value.lastIndexOf('-'));
        if (value.startsWith("https://ref.gs1.org/cbv/") || value.startsWith("urn:epcglobal:cbv:")) {
            return value.substring(cut + 1);
        }
        return value;
    }

    public static boolean shipping(EpcisEvent e) {
        String step = term(e.bizStep());
        return "shipping".equals(step) || "departing".equals(step);
    }

    public static boolean receiving(EpcisEvent e) {
        String step = term(e.bizStep());
        return "receiving".equals(step) || "arriving".equals(step);
    }

    /** The product type the event's ILMD declares for what it creates, if any. */
    public static @Nullable ProductType productType(EpcisEvent e) {
        JsonNode ilmd = e.json().path("ilmd");
        JsonNode type = ilmd.path("lodestone:productType");
        if (type.isMissingNode()) {
            type = ilmd.path(LODESTONE_NS + "productType");
        }
        if (!type.isString()) {
            return null;
        }
        try {
            return ProductType.valueOf(type.asString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** A quantity in the unit stock is kept in: kg for masses, {@code EA} for counts, else as captured. */
    public record Amount(BigDecimal quantity, String unit) {}

    public static @Nullable Amount normalise(@Nullable BigDecimal quantity, @Nullable String uom) {
        if (quantity == null) {
            return null;
        }
        if (uom == null) {
            return new Amount(quantity, "EA");
        }
        return switch (uom) {
            case "KGM" -> new Amount(quantity, "KGM");
            case "TNE" -> new Amount(quantity.movePointRight(3), "KGM");
            case "GRM" -> new Amount(quantity.movePointLeft(3), "KGM");
            default -> new Amount(quantity, uom);
        };
    }
}
