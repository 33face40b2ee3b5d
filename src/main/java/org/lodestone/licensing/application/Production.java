package org.lodestone.licensing.application;

import org.jspecify.annotations.Nullable;

/** How and where the exporter produces the items. */
public record Production(
        @Nullable String description,
        @Nullable String process,
        @Nullable String site) {

    public static final Production NONE = new Production(null, null, null);
}
