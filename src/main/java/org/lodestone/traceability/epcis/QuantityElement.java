package org.lodestone.traceability.epcis;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A quantity of a class of objects (an LGTIN lot or a product class), e.g. 1,200 KGM of a dysprosium oxide lot.
 *
 * @param epcClass the class URI as captured (EPC URI or GS1 Digital Link)
 * @param quantity absent when only the class is named
 * @param uom UN/CEFACT Rec. 20 unit code (KGM, TNE, GRM, …); absent means a count of instances
 */
public record QuantityElement(
        String epcClass,
        @Nullable BigDecimal quantity,
        @Nullable String uom) {}
