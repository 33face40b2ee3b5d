package org.lodestone.controllist;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A new legal act as an administrator submits it (e.g. the announcement that extends a suspension). */
public record LegalActDraft(
        @Nullable String key,
        @Nullable String number,
        @Nullable String title,
        @Nullable List<String> issuingBodies,
        @Nullable String issuedOn,
        @Nullable String effectiveFrom,
        @Nullable String confidence,
        @Nullable String source,
        @Nullable String note) {}
