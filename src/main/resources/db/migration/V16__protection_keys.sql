-- Encryption at rest (protection module): one AES-256 data key per scope (a licence application, later a personnel
-- record), stored only wrapped by a key-encryption key (KEK) of the key provider, plus the key rotations. Then the
-- columns that now hold sealed values ("lse1:<generation>:<base64url>", about 4/3 of the UTF-8 bytes plus 40) are
-- widened. "ALTER COLUMN c SET DATA TYPE" is understood by both H2 (PostgreSQL mode) and PostgreSQL.
-- No CHECK constraints (H2 bug); values are validated by the application.

CREATE TABLE pr_data_key (
    scope         VARCHAR(200) PRIMARY KEY,
    -- The data key's generation, written into every sealed value; 0 for a scope destroyed before it had a key.
    generation    INTEGER      NOT NULL,
    -- Null once destroyed (crypto-shredding): the wrapped key is erased, the row stays so no new key is created.
    kek_id        VARCHAR(100),
    wrapped_key   VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    rewrapped_at  TIMESTAMP WITH TIME ZONE,
    destroyed_at  TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL
);

CREATE INDEX pr_data_key_kek_ix ON pr_data_key (kek_id, scope);

CREATE TABLE pr_key_rotation (
    id           UUID         PRIMARY KEY,
    target_kek   VARCHAR(100) NOT NULL,
    started_by   VARCHAR(100) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    rewrapped    BIGINT       NOT NULL,
    total        BIGINT       NOT NULL,
    -- RUNNING, DONE, FAILED (resumed by starting again)
    status       VARCHAR(20)  NOT NULL,
    failure      VARCHAR(2000)
);

-- Licence applications: identities of customers and end users, production and business history.
ALTER TABLE la_application ALTER COLUMN end_use_final_product SET DATA TYPE VARCHAR(2100);
ALTER TABLE la_application ALTER COLUMN end_use_statement SET DATA TYPE VARCHAR(16100);
ALTER TABLE la_application ALTER COLUMN production_description SET DATA TYPE VARCHAR(16100);
ALTER TABLE la_application ALTER COLUMN production_process SET DATA TYPE VARCHAR(16100);
ALTER TABLE la_application ALTER COLUMN production_site SET DATA TYPE VARCHAR(2100);
ALTER TABLE la_application ALTER COLUMN relationship_notes SET DATA TYPE VARCHAR(16100);
ALTER TABLE la_application ALTER COLUMN decl_signatory SET DATA TYPE VARCHAR(900);
ALTER TABLE la_party ALTER COLUMN name_original SET DATA TYPE VARCHAR(1300);
ALTER TABLE la_party ALTER COLUMN name_latin SET DATA TYPE VARCHAR(1300);
ALTER TABLE la_party ALTER COLUMN address SET DATA TYPE VARCHAR(4100);
ALTER TABLE la_party ALTER COLUMN contact_name SET DATA TYPE VARCHAR(900);
ALTER TABLE la_party ALTER COLUMN contact_email SET DATA TYPE VARCHAR(1100);
ALTER TABLE la_party ALTER COLUMN contact_phone SET DATA TYPE VARCHAR(300);
ALTER TABLE la_party_identifier ALTER COLUMN id_value SET DATA TYPE VARCHAR(500);
ALTER TABLE la_item ALTER COLUMN specification SET DATA TYPE VARCHAR(16100);
ALTER TABLE la_revision ALTER COLUMN content SET DATA TYPE VARCHAR(4000000);
ALTER TABLE la_submission ALTER COLUMN body SET DATA TYPE VARCHAR(4000000);

-- Evidence documents: what the uploader called and described the file.
ALTER TABLE evidence_document ALTER COLUMN filename SET DATA TYPE VARCHAR(1100);
ALTER TABLE evidence_document ALTER COLUMN description SET DATA TYPE VARCHAR(8100);

-- Licences: consignee and end user (the holder and authority are organisations of the register, shown publicly).
ALTER TABLE lic_licence ALTER COLUMN consignee_name SET DATA TYPE VARCHAR(1300);
ALTER TABLE lic_licence ALTER COLUMN consignee_name_original SET DATA TYPE VARCHAR(1300);
ALTER TABLE lic_licence ALTER COLUMN end_user_name SET DATA TYPE VARCHAR(1300);
ALTER TABLE lic_licence ALTER COLUMN end_user_name_original SET DATA TYPE VARCHAR(1300);
ALTER TABLE lic_licence ALTER COLUMN check_code SET DATA TYPE VARCHAR(300);
ALTER TABLE lic_shipment ALTER COLUMN consignee SET DATA TYPE VARCHAR(1300);
