-- Notifications (licensing.notification): in-app rows per recipient, and a durable outbox of e-mails written in the
-- same transaction, so a crash between commit and sending loses no mail. Values of `category` and `status` are checked
-- in the application (no CHECK constraints: H2 2.4 bug, see the common brief). No foreign key to identity's users:
-- modules own their tables.

CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    recipient   UUID NOT NULL,
    category    VARCHAR(40) NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    link        VARCHAR(500),
    object_type VARCHAR(40),
    object_id   VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notification_recipient_created ON notification (recipient, created_at);
CREATE INDEX notification_recipient_unread ON notification (recipient, read_at);

-- status: PENDING (to send; next_attempt_at is when, and doubles as a lease while a sender works on it), SENT, FAILED
-- (gave up after the configured attempts; last_error says why, without secrets).
CREATE TABLE notification_mail (
    id              UUID PRIMARY KEY,
    notification_id UUID NOT NULL REFERENCES notification (id),
    to_address      VARCHAR(320) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(10) NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notification_mail_due ON notification_mail (status, next_attempt_at);
