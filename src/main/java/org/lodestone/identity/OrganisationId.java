package org.lodestone.identity;

import java.util.UUID;

public record OrganisationId(UUID value) {

    public static OrganisationId of(String raw) {
        return new OrganisationId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
