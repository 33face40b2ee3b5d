package org.lodestone.licensing.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a proposal to approve would license: the conditions printed on the licence, its validity (null: from the day
 * of issue for the configured period) and, per item (numbered from 1 in the application's order), the quantity
 * licensed — at most what was applied for. Items not listed are licensed in full.
 */
public record ApprovalTerms(
        List<String> conditions,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        List<LicensedQuantity> quantities) {

    public static final ApprovalTerms AS_APPLIED = new ApprovalTerms(List.of(), null, null, List.of());

    public ApprovalTerms {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        quantities = quantities == null ? List.of() : List.copyOf(quantities);
    }

    /** The licensed quantity of item {@code itemNo}, in the unit the item was applied for. */
    public record LicensedQuantity(int itemNo, BigDecimal quantity) {}
}
