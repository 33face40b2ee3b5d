package org.lodestone.licensing.application;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The application-level sections as a client sends them (create, or update of a draft). Numbers and dates are text,
 * so that a bad value is answered with a 422 naming the field rather than a parser message. {@code version} is the
 * optimistic-lock version the client read (or send {@code If-Match}); ignored on create.
 */
public record ApplicationDraft(
        @Nullable String consigneeOrganisation,
        @Nullable EndUseDraft endUse,
        @Nullable ProductionDraft production,
        @Nullable RelationshipDraft relationship,
        @Nullable DeclarationsDraft declarations,
        @Nullable Long version) {

    public record EndUseDraft(
            @Nullable String sector,
            @Nullable String finalProduct,
            @Nullable String statement) {}

    public record ProductionDraft(
            @Nullable String description,
            @Nullable String process,
            @Nullable String site) {}

    public record RelationshipDraft(
            @Nullable String since,
            @Nullable List<VolumeDraft> volumes,
            @Nullable String notes) {}

    /** A year's volume: a quantity with unit, a value with currency, or both. */
    public record VolumeDraft(
            @Nullable String year,
            @Nullable String quantity,
            @Nullable String unit,
            @Nullable String value,
            @Nullable String currency) {}

    public record DeclarationsDraft(
            @Nullable Boolean accuracy,
            @Nullable Boolean endUseUndertaking,
            @Nullable Boolean noReExportWithoutConsent,
            @Nullable String signatoryName,
            @Nullable String signedOn) {}
}
