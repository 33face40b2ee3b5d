package org.lodestone.licensing.evidence;

import java.util.UUID;

public record DocumentId(UUID value) {

    public static DocumentId of(String raw) {
        return new DocumentId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
