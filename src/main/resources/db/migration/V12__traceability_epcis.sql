-- EPCIS 2.0 event repository (#5): immutable events in capture order, the identifiers and business transactions the
-- standard query matches, which enterprises may read each event, and asynchronous capture jobs whose request bodies
-- are spooled here before 202 is answered (a restart resumes them). Sized for tens of millions of events: queries page
-- by seq (keyset), every filter is an indexed lookup that yields seqs. No CHECK constraints (see the common brief).

-- The next seq to hand out. Capturing transactions lock this row for their duration, so seqs become visible in
-- ascending order and a reader paging by seq never skips an event committed later with a smaller one.
CREATE TABLE ep_counter (
    id        INTEGER NOT NULL PRIMARY KEY,
    next_seq  BIGINT  NOT NULL
);
INSERT INTO ep_counter (id, next_seq) VALUES (1, 1);

-- An eventID names one event; its error declaration (the same event again with errorDeclaration, EPCIS 2.0 7.4.1.2)
-- is kept beside it as a second row, so the original stays immutable and queries return both.
CREATE TABLE ep_event (
    seq              BIGINT        NOT NULL PRIMARY KEY,
    event_id         VARCHAR(1000) NOT NULL,
    error_declared   BOOLEAN       NOT NULL,
    content_hash     VARCHAR(64)   NOT NULL,
    event_type       VARCHAR(20)   NOT NULL,
    event_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone_offset VARCHAR(6)    NOT NULL,
    record_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    action           VARCHAR(10),
    biz_step         VARCHAR(1000),
    disposition      VARCHAR(1000),
    read_point       VARCHAR(1000),
    biz_location     VARCHAR(1000),
    capture_id       UUID          NOT NULL,
    reporter_org     UUID          NOT NULL,
    reporter_region  VARCHAR(10),
    body             VARCHAR       NOT NULL,
    CONSTRAINT ep_event_id_uq UNIQUE (event_id, error_declared)
);
CREATE INDEX ep_event_time_ix ON ep_event (event_time, seq);
CREATE INDEX ep_event_record_time_ix ON ep_event (record_time, seq);
CREATE INDEX ep_event_biz_step_ix ON ep_event (biz_step, seq);
CREATE INDEX ep_event_disposition_ix ON ep_event (disposition, seq);
CREATE INDEX ep_event_read_point_ix ON ep_event (read_point, seq);
CREATE INDEX ep_event_biz_location_ix ON ep_event (biz_location, seq);
CREATE INDEX ep_event_region_ix ON ep_event (reporter_region, seq);
CREATE INDEX ep_event_capture_ix ON ep_event (capture_id);

-- EPCs and classes an event names, by role: E epcList, C childEPCs, P parentID, I inputEPCList, O outputEPCList,
-- Q quantityList/childQuantityList class, J inputQuantityList class, K outputQuantityList class.
CREATE TABLE ep_event_epc (
    seq    BIGINT        NOT NULL,
    role   CHAR(1)       NOT NULL,
    epc    VARCHAR(1000) NOT NULL
);
-- The only index: queries look rows up by value (or prefix) and yield seqs. No index by seq: nothing reads an event's
-- rows back by seq, and every index is one more B-tree written per row at capture (#5 capture throughput).
CREATE INDEX ep_event_epc_value_ix ON ep_event_epc (epc, role, seq);

-- Business transactions; type in the canonical form (bare CBV term such as "po", or the full URI), '' when untyped.
CREATE TABLE ep_event_biz_tx (
    seq    BIGINT        NOT NULL,
    tx_type   VARCHAR(1000) NOT NULL,
    tx_value  VARCHAR(1000) NOT NULL
);
CREATE INDEX ep_event_biz_tx_value_ix ON ep_event_biz_tx (tx_value, tx_type, seq);

-- Enterprises that may read an event: the capturer and the owners of any identifier it names, resolved at capture.
CREATE TABLE ep_event_reader (
    organisation  UUID   NOT NULL,
    seq           BIGINT NOT NULL,
    PRIMARY KEY (organisation, seq)
);

-- Capture jobs (EPCIS 2.0 REST binding, /epcis/capture/{captureID}). state: SPOOLING (body being received; not
-- acknowledged, dropped at restart), QUEUED (202 answered; the worker owes a result), RUNNING, DONE.
CREATE TABLE ep_capture_job (
    capture_id       UUID          NOT NULL PRIMARY KEY,
    organisation     UUID          NOT NULL,
    username         VARCHAR(100)  NOT NULL,
    reporter_region  VARCHAR(10),
    syntax           VARCHAR(10)   NOT NULL,
    error_behaviour  VARCHAR(10)   NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at      TIMESTAMP WITH TIME ZONE,
    success          BOOLEAN,
    body_bytes       BIGINT        NOT NULL,
    events_stored    INTEGER       NOT NULL,
    events_duplicate INTEGER       NOT NULL,
    events_rejected  INTEGER       NOT NULL,
    errors           VARCHAR
);
CREATE INDEX ep_capture_job_org_ix ON ep_capture_job (organisation, created_at);
CREATE INDEX ep_capture_job_state_ix ON ep_capture_job (state, created_at);

-- The spooled request body in chunks of at most 1 MiB, so neither receiving nor reading it holds it in memory.
CREATE TABLE ep_capture_body (
    capture_id  UUID    NOT NULL,
    chunk_no    INTEGER NOT NULL,
    data        BYTEA   NOT NULL,
    PRIMARY KEY (capture_id, chunk_no)
);
