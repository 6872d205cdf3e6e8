-- What the owner should know about an indexed source, or NULL: that MiniLM cannot read its
-- language, so its passages are found by their keywords only (docs/operations.md, "Languages").
ALTER TABLE kb_source ADD COLUMN warning VARCHAR(1000);
