-- Append-only audit log of privileged actions (promote, rollback, review decisions, retirements, users).

CREATE TABLE audit_entry (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    action      VARCHAR(80)              NOT NULL,
    target_type VARCHAR(80),
    target_id   VARCHAR(200),
    detail      VARCHAR(4000)
);

CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor);
