-- The rephrase check looks up the latest question of one user in one session. With only
-- (session_id, created_at) and (asked_by, created_at), H2 chose the asker's index and read every
-- question the user asked in the last two minutes (bench/profile-ask.sh: 19% of the request
-- threads' CPU under load from one account); this index answers the lookup by both keys.
CREATE INDEX ix_interaction_session_asker ON interaction (session_id, asked_by, created_at);
