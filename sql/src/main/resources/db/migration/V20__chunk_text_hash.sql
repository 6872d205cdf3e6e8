-- The SHA-256 of the text a chunk's vector was made from (its heading and text as embedded), so that
-- ingestion reuses the vector of an identical chunk the same model already embedded instead of
-- embedding it again: a re-indexed source, a revised document whose sections mostly did not
-- change, the same passage in two domains. NULL for chunks embedded before this column: they are
-- never reused.
ALTER TABLE kb_chunk ADD COLUMN text_hash VARCHAR(64);
CREATE INDEX kb_chunk_text_hash ON kb_chunk (text_hash);
