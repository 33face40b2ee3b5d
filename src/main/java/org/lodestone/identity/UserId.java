package org.lodestone.identity;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a user; stable across renames. */
public record UserId(UUID value) implements Serializable {

    public static UserId of(String raw) {
        return new UserId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
