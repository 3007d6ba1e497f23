-- Server mode: tenants, their API keys and the scan queue. The same rules as V1 (one set of SQL for H2, PostgreSQL
-- and CockroachDB; application-generated ids; no sequences, triggers or procedures). A stored scan belongs to the
-- tenant of the job that produced it (scan_jobs.scan_id); the server reads reports only through that join.

CREATE TABLE tenants (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    name          VARCHAR(128)  NOT NULL,
    allow_targets TEXT          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenants_name UNIQUE (name)
);

CREATE TABLE api_keys (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(64)  NOT NULL,
    prefix     VARCHAR(16)  NOT NULL,
    key_hash   VARCHAR(64)  NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_keys_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT api_keys_hash UNIQUE (key_hash)
);

CREATE INDEX api_keys_prefix ON api_keys (prefix);

-- status: queued, running, completed, failed, cancelled. A running job is owned by lease_owner until lease_until;
-- an expired lease makes it claimable again. scan_id is the stored result, written in the same transaction that
-- completes the job, and unique: one result per job.
CREATE TABLE scan_jobs (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id        VARCHAR(64)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    target           VARCHAR(4096) NOT NULL,
    request_json     TEXT          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    lease_owner      VARCHAR(128),
    lease_until      TIMESTAMP WITH TIME ZONE,
    attempts         INTEGER       NOT NULL,
    cancel_requested BOOLEAN       NOT NULL,
    scan_id          VARCHAR(64),
    score            INTEGER,
    grade            VARCHAR(2),
    error            TEXT,
    CONSTRAINT scan_jobs_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT scan_jobs_scan FOREIGN KEY (scan_id) REFERENCES scans (id),
    CONSTRAINT scan_jobs_result UNIQUE (scan_id)
);

CREATE INDEX scan_jobs_claim ON scan_jobs (status, created_at);
CREATE INDEX scan_jobs_tenant_created ON scan_jobs (tenant_id, created_at);
