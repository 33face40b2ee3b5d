package org.lodestone.licensing.review;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The applicant's answer to requested item {@code no}: a text, documents uploaded for it, or both. */
public record Answer(int no, @Nullable String text, List<UUID> documentIds) {

    public Answer {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }
}
