-- The judge's opinion of the labels no SME has decided, from what the flywheel has learned: a label
-- for a question the employee rated down without saying what is right (RELABEL), or a route's label
-- that the evidence contradicts, kept out of training (SET_ASIDE). One row per interaction,
-- replaced each time the cycle's judge looks at it again. A dataset version keeps the examples set
-- aside in a split of their own, so that its export shows them and the next judge re-examines them.
CREATE TABLE judge_opinion (
    id             BIGINT                   NOT NULL PRIMARY KEY,
    interaction_id BIGINT                   NOT NULL,
    kind           VARCHAR(10)              NOT NULL,
    label          VARCHAR(60),
    probability    DOUBLE PRECISION         NOT NULL,
    reason         VARCHAR(1000)            NOT NULL,
    judged_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_judge_opinion_interaction UNIQUE (interaction_id),
    CONSTRAINT ck_judge_opinion_kind CHECK (kind IN ('RELABEL', 'SET_ASIDE'))
);

ALTER TABLE dataset_example DROP CONSTRAINT ck_dataset_example_split;
ALTER TABLE dataset_example ADD CONSTRAINT ck_dataset_example_split
    CHECK (split IN ('train', 'eval', 'aside'));
