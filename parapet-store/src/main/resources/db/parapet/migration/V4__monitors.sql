-- Monitors: scans a tenant wants repeated on a schedule. Same rules as V1 and V2.
--
-- next_due_at is the next run's due time; a scheduler enqueues a run by moving it forward with a compare-and-set
-- (WHERE next_due_at = the due time it read) and records the run in monitor_runs in the same transaction, whose key
-- (monitor, due time) makes a second enqueue of the same run impossible even for schedulers that race.
CREATE TABLE monitors (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)   NOT NULL,
    target        VARCHAR(4096) NOT NULL,
    request_json  TEXT          NOT NULL,
    every_seconds BIGINT        NOT NULL,
    next_due_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT monitors_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);

CREATE INDEX monitors_due ON monitors (next_due_at);
CREATE INDEX monitors_tenant ON monitors (tenant_id);

CREATE TABLE monitor_runs (
    monitor_id VARCHAR(64) NOT NULL,
    due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    job_id     VARCHAR(64) NOT NULL,
    CONSTRAINT monitor_runs_once PRIMARY KEY (monitor_id, due_at),
    CONSTRAINT monitor_runs_monitor FOREIGN KEY (monitor_id) REFERENCES monitors (id) ON DELETE CASCADE
);
