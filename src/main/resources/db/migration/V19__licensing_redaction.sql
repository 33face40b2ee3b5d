-- Licensing, redaction (#6). Portable between H2 (PostgreSQL mode) and PostgreSQL; no CHECK constraints (H2 bug),
-- values validated by the application. The search terms of a redaction are the secret itself and are stored nowhere:
-- a redaction keeps only how often each term (by its position in the request) was found on each page, and the areas.

-- One redaction of an evidence document: the original, the redacted copy (itself an evidence document) and for whom.
CREATE TABLE rd_document_redaction (
    id               UUID PRIMARY KEY,
    application_id   UUID          NOT NULL,
    original_id      UUID          NOT NULL,
    copy_id          UUID          NOT NULL UNIQUE,
    -- Audience names, comma-separated (CONSULTED_AUTHORITY, FOREIGN_PARTY)
    audiences        VARCHAR(200)  NOT NULL,
    -- true: the original stays readable by the competent authority; false: its content is no longer served
    keep_original    BOOLEAN       NOT NULL,
    term_count       INT           NOT NULL,
    -- JSON [{term, page, count}]: term is the position in the request, never the text
    counts           VARCHAR(100000) NOT NULL,
    -- JSON [{page, x, y, width, height}] in points, origin top-left
    areas            VARCHAR(100000) NOT NULL,
    pages            INT           NOT NULL,
    -- JSON [page, ...] of the pages rasterised
    rasterised       VARCHAR(20000) NOT NULL,
    created_by       UUID          NOT NULL,
    created_by_name  VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX rd_document_redaction_original_ix ON rd_document_redaction (original_id);
CREATE INDEX rd_document_redaction_application_ix ON rd_document_redaction (application_id);

-- Whole fields of an application redacted for audiences: those audiences read "[redacted]" instead of the value.
CREATE TABLE rd_field_redaction (
    application_id   UUID          NOT NULL,
    -- SensitiveField name
    field            VARCHAR(60)   NOT NULL,
    audiences        VARCHAR(200)  NOT NULL,
    marked_by        UUID          NOT NULL,
    marked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, field)
);
