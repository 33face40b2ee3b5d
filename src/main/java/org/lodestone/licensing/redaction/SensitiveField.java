package org.lodestone.licensing.redaction;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.evidence.DocumentType;

/**
 * Whole parts of an application an applicant may redact for audiences: text fields (shown as "[redacted]"), the
 * business history (dates and volumes left out, the section shown as "[redacted]") and all documents of a type
 * (withheld from those audiences). {@code paths} are the JSON paths in the application and its revisions ({@code []}
 * = every element of a list).
 */
public enum SensitiveField {
    RELATIONSHIP_NOTES(null, "relationship.notes"),
    BUSINESS_HISTORY(null, "relationship.since", "relationship.volumes"),
    PRODUCTION_DESCRIPTION(null, "production.description"),
    PRODUCTION_PROCESS(null, "production.process"),
    PRODUCTION_SITE(null, "production.site"),
    END_USE_STATEMENT(null, "endUse.statement"),
    PARTY_CONTACTS(null, "parties[].contact"),
    PARTY_ADDRESSES(null, "parties[].address"),
    CUSTOMER_ORDER_DOCUMENTS(DocumentType.CUSTOMER_ORDER),
    BUSINESS_HISTORY_DOCUMENTS(DocumentType.BUSINESS_HISTORY);

    private final @Nullable DocumentType documents;
    private final List<String> paths;

    SensitiveField(@Nullable DocumentType documents, String... paths) {
        this.documents = documents;
        this.paths = List.of(paths);
    }

    /** The document type this mark withholds, if it marks documents. */
    public @Nullable DocumentType documents() {
        return documents;
    }

    public List<String> paths() {
        return paths;
    }
}
