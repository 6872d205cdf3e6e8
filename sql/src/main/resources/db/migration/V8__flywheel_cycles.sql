-- Flywheel cycles with each step's status and the funnel, and the lease row that lets exactly one
-- cycle run in the whole cluster (it expires, so a dead holder does not block the next cycle).

CREATE TABLE flywheel_cycle (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    trigger_by  VARCHAR(20)              NOT NULL,
    node_name   VARCHAR(200)             NOT NULL,
    status      VARCHAR(20)              NOT NULL,
    steps       TEXT,
    funnel      TEXT,
    failure     VARCHAR(2000),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_flywheel_cycle_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);

CREATE TABLE flywheel_lease (
    lease_name VARCHAR(60)              NOT NULL PRIMARY KEY,
    holder     VARCHAR(200),
    cycle_id   BIGINT,
    expires_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO flywheel_lease (lease_name, holder, cycle_id, expires_at) VALUES ('flywheel-cycle', NULL, NULL, NULL);
