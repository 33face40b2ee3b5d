package org.lodestone.licensing.application;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A party as a client sends it; validated into a {@link Party}. */
public record PartyDraft(
        @Nullable String role,
        @Nullable String nameOriginal,
        @Nullable String nameLatin,
        @Nullable String country,
        @Nullable String address,
        @Nullable List<IdentifierDraft> identifiers,
        @Nullable ContactDraft contact) {

    public record IdentifierDraft(
            @Nullable String type, @Nullable String value) {}

    public record ContactDraft(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {}
}
