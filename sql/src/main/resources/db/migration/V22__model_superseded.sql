-- A CANDIDATE that a later training run replaced becomes SUPERSEDED: it was trained on less data and
-- gated against an older evaluation and live router, so the registry no longer offers it for
-- promotion. Candidates trained before this migration stay as they are until the next run.
ALTER TABLE router_model DROP CONSTRAINT ck_router_model_status;
ALTER TABLE router_model ADD CONSTRAINT ck_router_model_status
    CHECK (status IN ('CANDIDATE', 'SHADOW', 'ACTIVE', 'RETIRED', 'REJECTED', 'SUPERSEDED'));
