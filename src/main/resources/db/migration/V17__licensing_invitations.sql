-- Licensing, invitations and sealed evidence (#6): the applicant invites the foreign consignee or end user by a
-- one-time link; the foreign organisation that accepts becomes a contributor to the application for that party and
-- uploads evidence the exporter sees only as metadata (type, party, date, size, SHA-256), never as content.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL; no CHECK constraints (H2 bug), values validated in code.

CREATE TABLE la_invitation (
    id                      UUID PRIMARY KEY,
    application_id          UUID         NOT NULL,
    -- the CONSIGNEE or END_USER party of the application the invitee gives evidence about
    party_id                UUID         NOT NULL,
    -- sealed (lse1:...) with the application's data key: the foreign party's contact is a customer identity
    email                   VARCHAR(1000) NOT NULL,
    -- lower-case hex SHA-256 of the one-time token (256 random bits); the token itself is never stored
    token_hash              CHAR(64)     NOT NULL,
    invited_by              UUID         NOT NULL,
    invited_by_name         VARCHAR(200) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    -- set once, by the single conditional UPDATE that consumes the invitation
    accepted_at             TIMESTAMP WITH TIME ZONE,
    accepted_by             UUID,
    accepted_organisation   UUID,
    revoked_at              TIMESTAMP WITH TIME ZONE,
    revoked_by              UUID,
    CONSTRAINT la_invitation_token_uq UNIQUE (token_hash)
);

CREATE INDEX la_invitation_application_ix ON la_invitation (application_id, created_at);

-- A foreign organisation giving evidence about one party of an application (from an accepted invitation).
CREATE TABLE la_contributor (
    application_id   UUID NOT NULL,
    organisation_id  UUID NOT NULL,
    party_id         UUID NOT NULL,
    invitation_id    UUID NOT NULL,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, organisation_id, party_id)
);

CREATE INDEX la_contributor_organisation_ix ON la_contributor (organisation_id, joined_at);

-- Evidence documents uploaded by a contributor: sealed from the applicant. A side table, so evidence_document keeps
-- its shape; inserted in the same transaction as the document row.
CREATE TABLE evidence_sealed (
    document_id      UUID PRIMARY KEY,
    application_id   UUID NOT NULL,
    party_id         UUID NOT NULL,
    organisation_id  UUID NOT NULL
);

CREATE INDEX evidence_sealed_application_ix ON evidence_sealed (application_id);
