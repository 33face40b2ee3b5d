package org.lodestone.licensing.evidence;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an uploader says about a document besides its bytes: the type, what it is about (a party, an item or, with
 * neither, the application), the user's filename (sanitised before use) and a description.
 */
public record NewDocument(
        DocumentType type,
        @Nullable UUID partyId,
        @Nullable UUID itemId,
        @Nullable String filename,
        @Nullable String description) {}
