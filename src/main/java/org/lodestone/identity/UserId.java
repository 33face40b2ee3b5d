package org.lodestone.identity;

import java.util.UUID;

public record UserId(UUID value) {

    public static UserId of(String raw) {
        return new UserId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
