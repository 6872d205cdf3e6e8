#!/usr/bin/env bash
# Grows the knowledge base for the 100k-chunk measurements without hours of embedding: copies the
# sources of one domain (default py1, filled by bench/ingest-corpus.sh 1) and their current chunks,
# MiniLM vectors included, COPIES more times into the same domain, so that every question routed
# there searches all of them. Works on the embedded H2 database of the README's run command (data/db),
# with the server STOPPED; then start it again: its index no longer matches the database, so it
# rebuilds it at start-up, and the log gives the rebuild time ("Search index rebuilt with").
# Usage: bench/replicate-corpus.sh COPIES [domain]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:?how many copies}
domain=${2:-py1}
pgrep -f payara-micro.jar >/dev/null && { echo "stop the server first"; exit 1; }
h2=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
url="jdbc:h2:file:$PWD/data/db/infodesk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
sql() { java -cp "$h2" org.h2.tools.Shell -url "$url" -user infodesk -password infodesk-embedded -sql "$1"; }
# every id comes from one sequence: copies take ids above everything that exists, in blocks
top=$(sql "SELECT GREATEST((SELECT MAX(id) FROM kb_source), (SELECT MAX(id) FROM kb_chunk))" | sed -n 2p | tr -d ' ')
block=$((top + 1))
echo "copying the sources of $domain $copies times (ids from $((block + 1)) in blocks of $block)"
for k in $(seq 1 "$copies"); do
  off=$((k * block))
  sql "INSERT INTO kb_source (id, domain_id, title, filename, media_type, size_bytes, content_hash,
         status, failure, chunk_count, body_text, original, uploaded_by, created_at, updated_at)
       SELECT s.id + $off, s.domain_id, s.title, s.filename, s.media_type, s.size_bytes,
         LEFT(s.content_hash, 56) || '-copy$k', s.status, s.failure, s.chunk_count, s.body_text,
         s.original, s.uploaded_by, s.created_at, s.updated_at
       FROM kb_source s JOIN kb_domain d ON d.id = s.domain_id
       WHERE d.domain_key = '$domain' AND s.id <= $top AND s.status = 'INDEXED';
       INSERT INTO kb_chunk (id, source_id, ordinal, heading, text, embedding, superseded_at,
         embedding_model, text_hash)
       SELECT c.id + $off, c.source_id + $off, c.ordinal, c.heading, c.text, c.embedding, NULL,
         c.embedding_model, c.text_hash
       FROM kb_chunk c JOIN kb_source s ON s.id = c.source_id JOIN kb_domain d ON d.id = s.domain_id
       WHERE d.domain_key = '$domain' AND s.id <= $top AND s.status = 'INDEXED'
         AND c.superseded_at IS NULL;" > /dev/null
  echo "copy $k done"
done
next=$(((copies + 1) * block + 1))
sql "ALTER SEQUENCE infodesk_seq RESTART WITH $next" > /dev/null
sql "SELECT COUNT(*) AS current_chunks FROM kb_chunk c JOIN kb_source s ON s.id = c.source_id
     WHERE s.status = 'INDEXED' AND c.superseded_at IS NULL"
