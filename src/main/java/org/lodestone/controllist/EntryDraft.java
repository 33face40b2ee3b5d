package org.lodestone.controllist;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator submits to create an entry or amend it. Raw and nullable so validation names each bad field;
 * on an amendment, omitted descriptive fields are copied from the latest version, the effective dates never are.
 */
public record EntryDraft(
        @Nullable String key,
        @Nullable String controlNumber,
        @Nullable String controlNumberConfidence,
        @Nullable List<String> elements,
        @Nullable List<String> forms,
        @Nullable List<String> keywords,
        @Nullable String description,
        @Nullable List<HsCodeDraft> hsCodes,
        @Nullable String legalAct,
        @Nullable String effectiveFrom,
        @Nullable String effectiveTo,
        @Nullable String confidence,
        @Nullable String note) {

    public record HsCodeDraft(
            @Nullable String code, @Nullable String confidence) {}
}
