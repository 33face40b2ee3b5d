package org.lodestone.licensing;

import org.jspecify.annotations.Nullable;
import org.lodestone.shared.CountryCode;

/**
 * A party named on a licence (consignee, end user): a copy taken at issue, because the licence is a legal document
 * and must not change when the application's party record is edited later.
 *
 * @param name the name in Latin script
 * @param nameOriginal the name in its original script (e.g. Chinese), if different
 */
public record LicenceParty(String name, @Nullable String nameOriginal, CountryCode country) {

    public LicenceParty {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("party name must not be blank");
        }
        name = name.strip();
        nameOriginal = nameOriginal == null || nameOriginal.isBlank() ? null : nameOriginal.strip();
    }
}
