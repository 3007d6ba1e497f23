-- One set of SQL for H2, PostgreSQL and CockroachDB: application-generated ids (no SERIAL, no sequences),
-- only VARCHAR/TEXT, BIGINT, INTEGER, BOOLEAN and TIMESTAMP WITH TIME ZONE; no triggers, no procedures.

CREATE TABLE scans (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    target            VARCHAR(4096) NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms       BIGINT        NOT NULL,
    complete          BOOLEAN       NOT NULL,
    incomplete_reason TEXT          NOT NULL,
    mode              VARCHAR(32)   NOT NULL,
    context           VARCHAR(32)   NOT NULL,
    score             INTEGER,
    grade             VARCHAR(2)    NOT NULL,
    requests          BIGINT        NOT NULL,
    parapet_version   VARCHAR(64)   NOT NULL,
    schema_version    VARCHAR(16)   NOT NULL,
    stored_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    report_json       TEXT          NOT NULL
);

CREATE INDEX scans_started_at ON scans (started_at);
CREATE INDEX scans_target ON scans (target);

CREATE TABLE scan_categories (
    scan_id   VARCHAR(64) NOT NULL,
    category  VARCHAR(64) NOT NULL,
    assessed  BOOLEAN     NOT NULL,
    score     INTEGER,
    findings  INTEGER     NOT NULL,
    PRIMARY KEY (scan_id, category),
    CONSTRAINT scan_categories_scan FOREIGN KEY (scan_id) REFERENCES scans (id) ON DELETE CASCADE
);

CREATE TABLE findings (
    scan_id     VARCHAR(64)   NOT NULL,
    ordinal     INTEGER       NOT NULL,
    fingerprint VARCHAR(128)  NOT NULL,
    check_id    VARCHAR(128)  NOT NULL,
    category    VARCHAR(64)   NOT NULL,
    severity    VARCHAR(16)   NOT NULL,
    confidence  VARCHAR(16)   NOT NULL,
    title       TEXT          NOT NULL,
    endpoint    TEXT          NOT NULL,
    parameter   TEXT          NOT NULL,
    json        TEXT          NOT NULL,
    PRIMARY KEY (scan_id, ordinal),
    CONSTRAINT findings_scan FOREIGN KEY (scan_id) REFERENCES scans (id) ON DELETE CASCADE
);

CREATE INDEX findings_fingerprint ON findings (fingerprint);
