package org.lodestone.identity;

import java.io.Serializable;
import java.util.UUID;

/** Identifies an organisation; other modules refer to organisations by this id only. */
public record OrganisationId(UUID value) implements Serializable {

    public static OrganisationId of(String raw) {
        return new OrganisationId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
