package org.lodestone.licensing.application;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An item as a client sends it; validated into an {@link Item}. {@code controlEntry} is a control-list entry key
 * ({@code dy-oxide}) or control number ({@code 1C905.b}); {@code elements} maps element symbols to mass percent.
 */
public record ItemDraft(
        @Nullable String controlEntry,
        @Nullable String form,
        @Nullable String description,
        @Nullable String quantity,
        @Nullable String unit,
        @Nullable String unitValue,
        @Nullable String currency,
        @Nullable Map<String, String> elements,
        @Nullable String hsCode,
        @Nullable String specification) {}
