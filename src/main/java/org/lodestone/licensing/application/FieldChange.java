package org.lodestone.licensing.application;

import org.jspecify.annotations.Nullable;

/** One field that differs between two revisions; {@code before} or {@code after} is null when the field was added or removed. */
public record FieldChange(
        String path, @Nullable String before, @Nullable String after) {}
