-- Webhooks: a tenant's subscriptions and the messages sent to them. Same rules as V1 and V2 (one set of SQL for H2,
-- PostgreSQL and CockroachDB; application-generated ids).
--
-- scan_jobs.notified is the outbox marker: a job that ended (completed or failed) with notified = FALSE still has
-- its messages to be written. A dispatcher writes them and sets the marker in one transaction; the unique key on
-- (webhook, job, event) keeps two dispatchers from writing a message twice. Jobs that ended before this version are
-- marked already, so a first subscription is not flooded with history.
ALTER TABLE scan_jobs ADD COLUMN notified BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE scan_jobs SET notified = TRUE;

-- events: comma-separated event types. secret: the signing secret (whsec_ + base64), needed to sign every message.
CREATE TABLE webhooks (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)   NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    events     VARCHAR(512)  NOT NULL,
    secret     VARCHAR(128)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhooks_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);

CREATE INDEX webhooks_tenant ON webhooks (tenant_id);

-- One message to one webhook. status: pending (next_attempt_at says when), delivered, failed (out of attempts).
-- A dispatcher holds a pending message by moving next_attempt_at past the attempt's timeout, so a dispatcher that
-- dies mid-attempt leaves it to be tried again. last_* describe the latest attempt.
CREATE TABLE webhook_deliveries (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    webhook_id       VARCHAR(64)  NOT NULL,
    tenant_id        VARCHAR(64)  NOT NULL,
    job_id           VARCHAR(64)  NOT NULL,
    event            VARCHAR(32)  NOT NULL,
    payload          TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_latency_ms  BIGINT,
    last_error       TEXT,
    CONSTRAINT webhook_deliveries_webhook FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE,
    CONSTRAINT webhook_deliveries_once UNIQUE (webhook_id, job_id, event)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
