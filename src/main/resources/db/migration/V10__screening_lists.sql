-- Restricted lists and their versioned releases (screening.lists). A release is loaded in chunks while LOADING
-- (invisible to screening), then activated in one short transaction that computes the diff against the previous
-- ACTIVE release and supersedes it. Entries of superseded releases are kept for diffs (retention: docs/screening-lists.md).
-- No CHECK constraints (H2 2.4.240 bug): states and formats are validated in the application.

CREATE TABLE sc_list (
    code          VARCHAR(64)   PRIMARY KEY,
    name          VARCHAR(300)  NOT NULL,
    publisher     VARCHAR(300),
    kind          VARCHAR(40)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sc_release (
    id               UUID          PRIMARY KEY,
    list_code        VARCHAR(64)   NOT NULL REFERENCES sc_list (code),
    format           VARCHAR(40)   NOT NULL,
    -- LOADING, ACTIVE, SUPERSEDED, FAILED
    state            VARCHAR(20)   NOT NULL,
    file_name        VARCHAR(300),
    sha256           VARCHAR(64),
    size_bytes       BIGINT        NOT NULL DEFAULT 0,
    read_count       BIGINT        NOT NULL DEFAULT 0,
    imported_count   BIGINT        NOT NULL DEFAULT 0,
    skipped_count    BIGINT        NOT NULL DEFAULT 0,
    rejected_count   BIGINT        NOT NULL DEFAULT 0,
    previous_release UUID,
    added_count      INTEGER,
    changed_count    INTEGER,
    removed_count    INTEGER,
    uploaded_by      VARCHAR(100)  NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    failure_reason   VARCHAR(1000)
);

CREATE INDEX sc_release_list_ix ON sc_release (list_code, state, started_at);

CREATE TABLE sc_entry (
    release_id    UUID          NOT NULL REFERENCES sc_release (id),
    entry_id      VARCHAR(200)  NOT NULL,
    schema_name   VARCHAR(40)   NOT NULL,
    caption       VARCHAR(1000) NOT NULL,
    -- every name, primary first, one per line
    names         TEXT          NOT NULL,
    -- ' CN RU ': ISO 3166-1 alpha-2 codes, space-delimited
    countries     VARCHAR(400)  NOT NULL,
    -- JSON array of {"type": …, "value": …}
    identifiers   TEXT          NOT NULL,
    programme     VARCHAR(1000),
    legal_basis   VARCHAR(1000),
    listed_on     DATE,
    remarks       TEXT,
    source_url    VARCHAR(1000),
    -- SHA-256 of the canonical content: a change of any field above changes it
    fingerprint   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (release_id, entry_id)
);

CREATE TABLE sc_rejected_line (
    release_id    UUID          NOT NULL REFERENCES sc_release (id),
    line_no       BIGINT        NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    excerpt       VARCHAR(200)
);

CREATE INDEX sc_rejected_line_ix ON sc_rejected_line (release_id, line_no);

-- Entries of releases older than the retention (lodestone.screening.lists.keep-releases) are deleted; the release row
-- with its counts stays, marked here.
ALTER TABLE sc_release ADD COLUMN entries_purged_at TIMESTAMP WITH TIME ZONE;
