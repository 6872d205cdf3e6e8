-- Which MiniLM embedded a chunk (the model's name and the SHA-256 of its file), so that a node
-- started with another model re-embeds the chunks in the background instead of comparing
-- questions with vectors of a different model. NULL: embedded before this column, by the full
-- all-minilm-l6-v2 that was the only model then.
ALTER TABLE kb_chunk ADD COLUMN embedding_model VARCHAR(200);

-- Which MiniLM a student router's features came from; NULL for students that embed nothing
-- (the n-gram ones); NULL for a MiniLM student trained before this column: the full model.
ALTER TABLE router_model ADD COLUMN embedding_model VARCHAR(200);
