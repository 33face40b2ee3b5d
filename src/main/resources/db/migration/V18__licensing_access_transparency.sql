-- Access transparency (#6): who outside the owning organisation read an application's sensitive content or an evidence
-- document, and bulk exports of sensitive data that a supervisor must approve first.
-- No CHECK constraints (H2 2.4.240 bug): values are validated in the application.

-- A side index of the audit trail, one row per audited read (audit_sequence is the DOCUMENT_READ or SENSITIVE_READ
-- row that proves it, written in the same transaction). Why not query audit_entry itself: the owner of what was read
-- is not a column there (the detail is free text, and an evidence document's owner is its uploader's organisation,
-- resolved once at read time), so the owner's log would be a scan of the whole trail with text matching. Here the
-- owner's page is one index range (owner, time), whatever the size of the trail.
CREATE TABLE access_log_entry (
    audit_sequence           BIGINT        PRIMARY KEY,
    occurred_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- whose data was read: the applicant organisation (application), the uploader's organisation (document)
    owner_organisation_id    UUID          NOT NULL,
    reader_user_id           UUID          NOT NULL,
    reader_username          VARCHAR(100)  NOT NULL,
    reader_name              VARCHAR(200)  NOT NULL,
    reader_organisation_id   UUID          NOT NULL,
    reader_organisation_name VARCHAR(300)  NOT NULL,
    -- the reader's roles, space-separated, e.g. 'REVIEWER SUPERVISOR'
    reader_roles             VARCHAR(200)  NOT NULL,
    -- APPLICATION or DOCUMENT
    kind                     VARCHAR(20)   NOT NULL,
    application_id           UUID          NOT NULL,
    application_reference    VARCHAR(40)   NOT NULL,
    document_id              UUID,
    -- DocumentType name; never the filename (a filename can itself be sensitive)
    document_type            VARCHAR(40),
    -- the case the reader named (reference) and why, where a purpose was required
    purpose                  VARCHAR(100),
    reason                   VARCHAR(1000),
    -- what was read, e.g. 'application detail', 'case file'
    what                     VARCHAR(200)  NOT NULL,
    -- the watermark identifier embedded in the downloaded copy, if any
    trace_id                 VARCHAR(40)
);

CREATE INDEX access_log_owner_ix ON access_log_entry (owner_organisation_id, occurred_at);
CREATE INDEX access_log_owner_application_ix ON access_log_entry (owner_organisation_id, application_id, occurred_at);

-- Bulk exports of sensitive data: requested by authority staff, decided by a SUPERVISOR of the same authority who is
-- not the requester, downloaded once by the requester within a window after approval.
CREATE TABLE data_export_request (
    id                  UUID          PRIMARY KEY,
    authority_id        UUID          NOT NULL,
    requested_by        UUID          NOT NULL,
    requested_by_name   VARCHAR(200)  NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    -- the scope: applications of the authority submitted on [scope_from, scope_to]
    scope_from          DATE          NOT NULL,
    scope_to            DATE          NOT NULL,
    -- PENDING, APPROVED, REFUSED, DOWNLOADED, EXPIRED (derived on read from expires_at)
    state               VARCHAR(20)   NOT NULL,
    decided_by          UUID,
    decided_by_name     VARCHAR(200),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decision_reason     VARCHAR(2000),
    expires_at          TIMESTAMP WITH TIME ZONE,
    downloaded_at       TIMESTAMP WITH TIME ZONE,
    row_count           INTEGER,
    version             BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX data_export_request_authority_ix ON data_export_request (authority_id, requested_at);
