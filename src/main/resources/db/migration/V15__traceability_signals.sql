-- Diversion signals raised by the traceability projections (#5). One row per (kind, key): raising again adds
-- evidence. region scopes visibility to the authority whose jurisdiction covers it.
CREATE TABLE tr_signal (
    id             UUID          PRIMARY KEY,
    kind           VARCHAR(40)   NOT NULL,
    signal_key     VARCHAR(600)  NOT NULL,
    enterprise_id  UUID,
    region         VARCHAR(10),
    subject        VARCHAR(600)  NOT NULL,
    summary        VARCHAR(2000) NOT NULL,
    evidence       TEXT          NOT NULL,
    raised_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT uq_tr_signal_kind_key UNIQUE (kind, signal_key)
);
CREATE INDEX ix_tr_signal_raised ON tr_signal (raised_at);
CREATE INDEX ix_tr_signal_region ON tr_signal (region, raised_at);
