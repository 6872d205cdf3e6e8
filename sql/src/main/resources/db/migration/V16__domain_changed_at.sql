-- When a domain's name, description, exemplars or state last changed: every node compares the
-- newest of these with the one its zero-shot router was built from, so a change saved on one
-- node reaches the routing of all of them within seconds.
ALTER TABLE kb_domain ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
UPDATE kb_domain SET changed_at = created_at;
