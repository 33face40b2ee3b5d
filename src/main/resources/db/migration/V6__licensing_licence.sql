-- Licences issued on approval, their lines (licensed and remaining quantities), conditions and the shipments that
-- deplete them. Parties and lines are copies frozen at issue: a licence is a legal document. No CHECK constraints
-- (H2 2.4.240 bug); statuses and units are validated by the application.

-- Licence numbers (CN-EX-2026-000123) take their running number from here; portable across H2 and PostgreSQL.
CREATE SEQUENCE lic_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE lic_licence (
    id                          UUID PRIMARY KEY,
    licence_number              VARCHAR(40)   NOT NULL,
    licence_type                VARCHAR(20)   NOT NULL,
    status                      VARCHAR(20)   NOT NULL,
    status_reason               VARCHAR(1000),
    status_changed_at           TIMESTAMP WITH TIME ZONE,
    application_id              UUID          NOT NULL,
    application_reference       VARCHAR(100)  NOT NULL,
    holder_org_id               UUID          NOT NULL,
    holder_name                 VARCHAR(300)  NOT NULL,
    holder_name_original        VARCHAR(300),
    authority_org_id            UUID          NOT NULL,
    authority_name              VARCHAR(300)  NOT NULL,
    authority_name_original     VARCHAR(300),
    consignee_name              VARCHAR(300)  NOT NULL,
    consignee_name_original     VARCHAR(300),
    consignee_country           VARCHAR(2)    NOT NULL,
    end_user_name               VARCHAR(300)  NOT NULL,
    end_user_name_original      VARCHAR(300),
    end_user_country            VARCHAR(2)    NOT NULL,
    valid_from                  DATE          NOT NULL,
    valid_to                    DATE          NOT NULL,
    -- SENSITIVE: the check code in clear, so the certificate can be regenerated on demand. The confidentiality issue
    -- (envelope encryption, protection module) will encrypt this column; verification only ever uses the hash below.
    check_code                  VARCHAR(32)   NOT NULL,
    check_code_sha256           VARCHAR(64)   NOT NULL,
    issued_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by                   VARCHAR(100)  NOT NULL,
    version                     BIGINT        NOT NULL,
    CONSTRAINT uq_lic_licence_number UNIQUE (licence_number),
    CONSTRAINT uq_lic_licence_application UNIQUE (application_id)
);

CREATE INDEX ix_lic_licence_holder ON lic_licence (holder_org_id);
CREATE INDEX ix_lic_licence_authority ON lic_licence (authority_org_id);
CREATE INDEX ix_lic_licence_status_valid_to ON lic_licence (status, valid_to);

-- remaining is depleted by one conditional UPDATE per line (remaining >= requested), never read-modify-write.
CREATE TABLE lic_licence_line (
    licence_id      UUID          NOT NULL REFERENCES lic_licence (id),
    line_no         INTEGER       NOT NULL,
    control_number  VARCHAR(40),
    entry_key       VARCHAR(100)  NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    quantity        NUMERIC(19,6) NOT NULL,
    remaining       NUMERIC(19,6) NOT NULL,
    unit            VARCHAR(16)   NOT NULL,
    unit_value      NUMERIC(19,4) NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    PRIMARY KEY (licence_id, line_no)
);

CREATE TABLE lic_licence_condition (
    licence_id  UUID          NOT NULL REFERENCES lic_licence (id),
    ordinal     INTEGER       NOT NULL,
    condition_text VARCHAR(2000) NOT NULL,
    PRIMARY KEY (licence_id, ordinal)
);

CREATE TABLE lic_shipment (
    id              UUID          PRIMARY KEY,
    licence_id      UUID          NOT NULL REFERENCES lic_licence (id),
    reference       VARCHAR(100)  NOT NULL,
    shipment_date   DATE          NOT NULL,
    consignee       VARCHAR(300),
    source          VARCHAR(20)   NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by     VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_lic_shipment_reference UNIQUE (licence_id, reference)
);

CREATE TABLE lic_shipment_line (
    shipment_id             UUID          NOT NULL REFERENCES lic_shipment (id),
    line_no                 INTEGER       NOT NULL,
    quantity                NUMERIC(19,6) NOT NULL,
    unit                    VARCHAR(16)   NOT NULL,
    quantity_in_line_unit   NUMERIC(19,6) NOT NULL,
    PRIMARY KEY (shipment_id, line_no)
);
