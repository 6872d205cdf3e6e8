-- Review items are chosen and ordered by the expected gain of a review (ReviewBudget): the
-- priority, the reason shown to SMEs, and the near-duplicate interactions the decision settles.
ALTER TABLE review_item ADD COLUMN priority DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE review_item ADD COLUMN selection_reason VARCHAR(1000);
ALTER TABLE review_item ADD COLUMN settles VARCHAR(4000);
