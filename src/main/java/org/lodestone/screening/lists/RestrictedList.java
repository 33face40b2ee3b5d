package org.lodestone.screening.lists;

import org.jspecify.annotations.Nullable;

/**
 * A restricted list with its active release, if any.
 *
 * @param kind {@code SANCTIONS}, {@code EXPORT_CONTROL}, {@code NATIONAL} or {@code OTHER}
 */
public record RestrictedList(
        String code,
        String name,
        @Nullable String publisher,
        String kind,
        @Nullable Release active) {}
