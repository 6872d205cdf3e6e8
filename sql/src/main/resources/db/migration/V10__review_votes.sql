-- Several reviewers per item: each SME's vote is kept, the item is decided when the configured
-- number of votes reaches consensus, and disagreements wait for an admin (status DISPUTED).

ALTER TABLE review_item ADD COLUMN required_votes INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE review_item DROP CONSTRAINT ck_review_item_status;
ALTER TABLE review_item ADD CONSTRAINT ck_review_item_status CHECK (status IN ('PENDING', 'DISPUTED', 'DECIDED'));

CREATE TABLE review_vote (
    id             BIGINT                   NOT NULL PRIMARY KEY,
    review_item_id BIGINT                   NOT NULL,
    reviewer       VARCHAR(100)             NOT NULL,
    decision       VARCHAR(30)              NOT NULL,
    decided_domain VARCHAR(60),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_review_vote UNIQUE (review_item_id, reviewer),
    CONSTRAINT fk_review_vote_item FOREIGN KEY (review_item_id) REFERENCES review_item (id),
    CONSTRAINT ck_review_vote_decision CHECK (decision IN ('CONFIRM_ROUTE', 'CORRECT_DOMAIN', 'NOT_ROUTING', 'SKIP'))
);
CREATE INDEX ix_review_vote_reviewer ON review_vote (reviewer);
