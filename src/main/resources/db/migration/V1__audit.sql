-- Audit trail (#2): append-only, hash-chained. The application assigns `sequence` (1, 2, 3, ... without gaps) under
-- the lock on audit_chain_head, so a missing number is evidence of a deleted row. No code path updates or deletes
-- audit_entry rows.
CREATE TABLE audit_entry (
    sequence        BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200)             NOT NULL,
    organisation_id VARCHAR(100),
    action          VARCHAR(100)             NOT NULL,
    object_type     VARCHAR(100)             NOT NULL,
    object_id       VARCHAR(200),
    outcome         VARCHAR(16)              NOT NULL,
    detail          VARCHAR(4000),
    request_id      VARCHAR(100),
    previous_hash   CHAR(64)                 NOT NULL,
    hash            CHAR(64)                 NOT NULL,
    CONSTRAINT audit_entry_sequence_positive CHECK (sequence > 0)
);

CREATE INDEX audit_entry_object ON audit_entry (object_type, object_id);
CREATE INDEX audit_entry_actor ON audit_entry (actor);
CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);

-- The one row every append locks (SELECT ... FOR UPDATE) and advances: it serialises writers, also across JVMs, so
-- the chain never forks, and it lets verification notice rows cut off at the tail.
CREATE TABLE audit_chain_head (
    id            INTEGER  NOT NULL PRIMARY KEY,
    last_sequence BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
