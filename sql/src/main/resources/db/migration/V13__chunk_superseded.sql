-- A re-ingested source's old chunks are kept for a while after its new ones are stored, so that a
-- node whose search index still holds them can keep citing them until its next index sync
-- (SearchService.syncFromDatabase deletes them once the grace period has passed).
ALTER TABLE kb_chunk ADD COLUMN superseded_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_kb_chunk_superseded_at ON kb_chunk (superseded_at);
