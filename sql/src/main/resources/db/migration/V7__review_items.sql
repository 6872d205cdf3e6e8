-- Suspected misroutes that the judge flagged, waiting for an SME of the routed or the suggested
-- domain. A claim is a lease that expires, so an abandoned item returns to the queue.

CREATE TABLE review_item (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    interaction_id   BIGINT                   NOT NULL,
    question         VARCHAR(4000)            NOT NULL,
    routed_domain    VARCHAR(60),
    suggested_domain VARCHAR(60),
    attribution      VARCHAR(20)              NOT NULL,
    confidence       DOUBLE PRECISION         NOT NULL,
    rationale        VARCHAR(2000)            NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    claimed_by       VARCHAR(100),
    claim_expires_at TIMESTAMP WITH TIME ZONE,
    decision         VARCHAR(30),
    decided_domain   VARCHAR(60),
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_review_item_interaction UNIQUE (interaction_id),
    CONSTRAINT fk_review_item_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id),
    CONSTRAINT ck_review_item_status CHECK (status IN ('PENDING', 'DECIDED')),
    CONSTRAINT ck_review_item_decision CHECK (decision IS NULL OR decision IN ('CONFIRM_ROUTE', 'CORRECT_DOMAIN', 'NOT_ROUTING', 'SKIP'))
);
CREATE INDEX ix_review_item_status ON review_item (status);
