-- Retention (#6): one row per application whose data key was destroyed because its category's retention period had
-- passed. The primary key keeps a run idempotent (an application is shredded once, a concurrent run loses the insert);
-- the row lets lists say "destroyed under retention". No sensitive content: reference, category, period and dates.
CREATE TABLE rt_shredded (
    application_id  UUID         PRIMARY KEY,
    reference       VARCHAR(20)  NOT NULL,
    category        VARCHAR(40)  NOT NULL,
    period          VARCHAR(20)  NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    shredded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
