package org.lodestone.screening.names;

import org.jspecify.annotations.Nullable;

/**
 * Turns a name in any script into {@link NormalisedName readings} of ASCII tokens. Implementations are thread-safe.
 */
public interface NameNormaliser {

    /**
     * @param name the name as written, in any script
     * @param schema the kind of entity ({@code Person}, {@code Company}, {@code Organization}, {@code LegalEntity},
     *     {@code Vessel}) where known: legal forms only count as such for organisations
     */
    NormalisedName normalise(String name, @Nullable String schema);
}
