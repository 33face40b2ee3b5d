package org.lodestone.screening.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One name to screen, as a caller sends it (validated by {@link Searches}).
 *
 * @param country ISO 3166-1 alpha-2
 * @param schema Person, Company, Organization, LegalEntity, PublicBody, Vessel or Airplane; any when absent
 */
public record SearchRequest(
        @Nullable String name,
        @Nullable String country,
        @Nullable List<@Nullable Identifier> identifiers,
        @Nullable String schema) {

    public record Identifier(
            @Nullable String type, @Nullable String value) {}
}
