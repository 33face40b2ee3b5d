-- Identity: organisations, users and their roles, personal API tokens.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL 15.
-- No CHECK constraints on kind/role: H2 2.4.240 rejects every insert against such a constraint once the session that
-- created it has closed ("Check constraint invalid"). Values are enum names validated by the application.

CREATE TABLE organisation (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    -- The name in its original script (e.g. Chinese), as it appears on documents; null when the same as name.
    name_original VARCHAR(200),
    kind          VARCHAR(20)  NOT NULL,
    country       CHAR(2)      NOT NULL,
    -- ISO 3166-2 subdivision where the organisation sits (e.g. CN-JX); routes applications to the competent bureau.
    region        VARCHAR(6),
    -- For an AUTHORITY only: the area it is competent for, ISO 3166-2 (CN-JX, a provincial bureau) or 3166-1 (CN, the ministry).
    jurisdiction  VARCHAR(6),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX organisation_name_kind_uq ON organisation (name, kind);

CREATE TABLE app_user (
    id              UUID PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254),
    -- Null for users who only sign in through OIDC.
    password_hash   VARCHAR(255),
    organisation_id UUID         NOT NULL REFERENCES organisation (id),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_username_uq UNIQUE (username)
);

CREATE INDEX app_user_organisation_ix ON app_user (organisation_id);

CREATE TABLE user_role (
    user_id UUID        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    -- Hex SHA-256 of the secret. The secret is 32 random bytes (256 bits of entropy), so it cannot be guessed or
    -- brute-forced from its hash; a slow password hash would add nothing but latency on every API call.
    token_hash   CHAR(64)     NOT NULL,
    -- The first characters of the token (e.g. "lst_AbC1"), so a user can tell their tokens apart without the secret.
    prefix       VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash_uq UNIQUE (token_hash)
);

CREATE INDEX api_token_user_ix ON api_token (user_id);
