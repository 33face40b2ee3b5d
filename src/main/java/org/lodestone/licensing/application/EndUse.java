package org.lodestone.licensing.application;

import org.jspecify.annotations.Nullable;

/** What the items will be used for; each part may still be missing in a draft. */
public record EndUse(
        @Nullable EndUseSector sector,
        @Nullable String finalProduct,
        @Nullable String statement) {

    public static final EndUse NONE = new EndUse(null, null, null);
}
