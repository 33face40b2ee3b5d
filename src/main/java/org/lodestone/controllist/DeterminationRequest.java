package org.lodestone.controllist;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A licence-determination question as the caller typed it: every field raw and nullable, so validation can name each
 * bad field instead of failing on the first type error. Element symbols are keys, mass percent values (numbers or
 * numeric strings).
 */
public record DeterminationRequest(
        @Nullable Item item,
        @Nullable String destination,
        @Nullable String endUse,
        @Nullable String date,
        @Nullable Boolean foreignProduced,
        @Nullable Object chineseContentValuePercent) {

    public record Item(
            @Nullable String controlNumber,
            @Nullable String hsCode,
            @Nullable String description,
            @Nullable Map<String, @Nullable Object> elements) {}
}
