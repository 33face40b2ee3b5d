-- Licensing, evidence documents: metadata only; the bytes live in DocumentStorage, addressed by sha256.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL 15; no CHECK constraints (H2 2.4.240 bug), values validated by
-- the application. application_id has no foreign key yet: the application table comes from another migration.
-- A row is inserted only after its content is durably stored, so every row has content; a blob without a row is
-- garbage that DocumentsGarbage removes.

CREATE TABLE evidence_document (
    id               UUID PRIMARY KEY,
    application_id   UUID          NOT NULL,
    -- DocumentType name
    type             VARCHAR(40)   NOT NULL,
    -- What the document is about: a party or an item of the application; neither = the application as a whole.
    party_id         UUID,
    item_id          UUID,
    -- The uploader's filename, sanitised, for display and download only; storage never uses it.
    filename         VARCHAR(255)  NOT NULL,
    -- Detected from the content, never the client's claim.
    content_type     VARCHAR(127)  NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    -- Lower-case hex SHA-256 of the content; the storage key.
    sha256           CHAR(64)      NOT NULL,
    description      VARCHAR(2000),
    uploaded_by      UUID          NOT NULL,
    uploaded_by_name VARCHAR(200)  NOT NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Soft removal while the application may still change: the row and content stay for the record.
    removed_at       TIMESTAMP WITH TIME ZONE,
    removed_by       UUID,
    version          BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX evidence_document_application_ix ON evidence_document (application_id, uploaded_at);
CREATE INDEX evidence_document_sha256_ix ON evidence_document (sha256);
