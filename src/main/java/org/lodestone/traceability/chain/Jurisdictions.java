package org.lodestone.traceability.chain;

import org.jspecify.annotations.Nullable;

/**
 * Whether an authority's jurisdiction covers a region: a country ({@code CN}) covers its subdivisions
 * ({@code CN-JX}), a subdivision covers itself. A region that is unknown is covered by no one but national staff of
 * no country: it is not covered at all, so such records are only seen by their owner.
 */
public final class Jurisdictions {

    private Jurisdictions() {}

    public static boolean covers(@Nullable String jurisdiction, @Nullable String region) {
        if (jurisdiction == null || region == null) {
            return false;
        }
        return region.equals(jurisdiction) || region.startsWith(jurisdiction + "-");
    }
}
