package org.lodestone.licensing.application;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A party to the transaction. The name is kept as written in its own script ({@code nameOriginal}) and in Latin script
 * ({@code nameLatin}); {@code country} is ISO 3166-1 alpha-2.
 */
public record Party(
        UUID id,
        PartyRole role,
        @Nullable String nameOriginal,
        String nameLatin,
        String country,
        String address,
        List<RegistrationIdentifier> identifiers,
        @Nullable Contact contact) {

    public Party {
        identifiers = List.copyOf(identifiers);
    }

    /** A registration number such as a commercial-register or VAT number. */
    public record RegistrationIdentifier(String type, String value) {}

    /** Who to contact at the party. */
    public record Contact(
            @Nullable String name,
            @Nullable String email,
            @Nullable String phone) {}
}
