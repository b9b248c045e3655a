-- Study database, version 1. One dialect for SQLite and PostgreSQL: the types below are PostgreSQL's, and
-- SQLite maps them by affinity (BIGINT/INTEGER -> INTEGER, DOUBLE PRECISION -> REAL, TEXT -> TEXT).
-- Times are UTC unix milliseconds (BIGINT) so that no clock-format or time-zone conversion can go wrong.
-- Non-finite doubles: NaN is stored as NULL and read back as NaN; +/-Infinity are stored as themselves
-- (SQLite REAL and PostgreSQL float8 both hold them).

-- The study file the runs came from (one row).
CREATE TABLE IF NOT EXISTS study (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    file_text TEXT NOT NULL,
    code_version TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One row per planned run. state: pending -> running (claimed, leased) -> succeeded | failed; pending -> cancelled.
-- attempts counts claims; a claim is (owner, attempts) and is lost as soon as another claim increments it.
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    task TEXT NOT NULL,
    demonstrations TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    config_id TEXT NOT NULL,
    seed INTEGER NOT NULL,
    spec_json TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    owner TEXT,
    lease_until BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    wall_seconds DOUBLE PRECISION,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX IF NOT EXISTS runs_state_lease ON runs (state, lease_until);
CREATE INDEX IF NOT EXISTS runs_seq ON runs (seq);

-- Checkpoints of the attempt that completed the run (an earlier attempt's rows are replaced).
CREATE TABLE IF NOT EXISTS checkpoints (
    run_id TEXT NOT NULL REFERENCES runs (run_id),
    idx INTEGER NOT NULL,
    step BIGINT NOT NULL,
    oracle_return DOUBLE PRECISION,
    normalized_score DOUBLE PRECISION,
    elapsed_seconds DOUBLE PRECISION,
    PRIMARY KEY (run_id, idx)
);

-- Proxy scores in long format, so that a new proxy needs no schema change.
CREATE TABLE IF NOT EXISTS proxy_values (
    run_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    proxy TEXT NOT NULL,
    value DOUBLE PRECISION,
    PRIMARY KEY (run_id, idx, proxy),
    FOREIGN KEY (run_id, idx) REFERENCES checkpoints (run_id, idx)
);

-- Random and expert returns of a (task, demonstration set), for the normalised score.
CREATE TABLE IF NOT EXISTS reference_returns (
    task TEXT NOT NULL,
    demonstrations TEXT NOT NULL,
    random_return DOUBLE PRECISION,
    expert_return DOUBLE PRECISION,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (task, demonstrations)
);

-- Worker heartbeats (status, dashboard).
CREATE TABLE IF NOT EXISTS workers (
    worker_id TEXT PRIMARY KEY,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    current_run TEXT,
    last_seen BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS workers_last_seen ON workers (last_seen);
