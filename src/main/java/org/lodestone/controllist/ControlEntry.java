package org.lodestone.controllist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a control-list entry. An entry ({@code key}) has one or more versions with non-overlapping
 * effective intervals; {@code effectiveTo} is the last day in force (inclusive), null while open. The control number
 * is null where no source gives it: we never invent one.
 */
public record ControlEntry(
        String key,
        int versionNo,
        @Nullable String controlNumber,
        Confidence controlNumberConfidence,
        List<String> elements,
        List<ItemForm> forms,
        List<String> keywords,
        String description,
        List<HsReference> hsCodes,
        String legalActKey,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        Confidence confidence,
        @Nullable String note,
        @Nullable String createdBy,
        @Nullable Instant createdAt) {

    public ControlEntry {
        elements = List.copyOf(elements);
        forms = List.copyOf(forms);
        keywords = List.copyOf(keywords);
        hsCodes = List.copyOf(hsCodes);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** True when this version's interval shares at least one day with [from, to] (to null = open). */
    public boolean overlaps(LocalDate from, @Nullable LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !effectiveFrom.isAfter(to);
        boolean otherStartsBeforeThisEnds = effectiveTo == null || !from.isAfter(effectiveTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /** The control number, or a plain statement that none is verified. */
    public String displayNumber() {
        return controlNumber != null ? controlNumber : "(no verified control number)";
    }

    public ControlEntry closedOn(LocalDate lastDay) {
        return new ControlEntry(
                key,
                versionNo,
                controlNumber,
                controlNumberConfidence,
                elements,
                forms,
                keywords,
                description,
                hsCodes,
                legalActKey,
                effectiveFrom,
                lastDay,
                confidence,
                note,
                createdBy,
                createdAt);
    }
}
