package org.lodestone.licensing;

import java.util.UUID;

/** Identity of a licence application; stable across its versions. */
public record ApplicationId(UUID value) {

    public static ApplicationId of(String raw) {
        return new ApplicationId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
