-- The router model registry: teachers and trained students, their weights (with a checksum),
-- evaluation metrics and lifecycle. At most one model is ACTIVE; the previous one is kept for
-- rollback.

CREATE TABLE router_model (
    id                 BIGINT                   NOT NULL PRIMARY KEY,
    version            VARCHAR(100)             NOT NULL,
    architecture       VARCHAR(40)              NOT NULL,
    status             VARCHAR(20)              NOT NULL,
    labels             VARCHAR(4000)            NOT NULL,
    weights            BYTEA,
    checksum           VARCHAR(64),
    threshold          DOUBLE PRECISION         NOT NULL,
    parameters         BIGINT                   NOT NULL,
    size_bytes         BIGINT                   NOT NULL,
    metrics            TEXT,
    gate               TEXT,
    training_summary   VARCHAR(4000),
    device             VARCHAR(40),
    previous_active_id BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_router_model_version UNIQUE (version),
    CONSTRAINT ck_router_model_status CHECK (status IN ('CANDIDATE', 'SHADOW', 'ACTIVE', 'RETIRED', 'REJECTED'))
);
CREATE INDEX ix_router_model_status ON router_model (status);
