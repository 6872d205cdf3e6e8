-- Knowledge: exemplar utterances per domain (the zero-shot router's evidence), the fusion weights
-- of each domain's hybrid search, uploaded sources and their chunks. The chunks are the source of
-- truth; the Lucene index is rebuilt from them whenever it is missing or corrupt.

ALTER TABLE kb_domain ADD COLUMN bm25_weight DOUBLE PRECISION DEFAULT 1.0 NOT NULL;
ALTER TABLE kb_domain ADD COLUMN vector_weight DOUBLE PRECISION DEFAULT 1.0 NOT NULL;

CREATE TABLE domain_exemplar (
    id         BIGINT        NOT NULL PRIMARY KEY,
    domain_id  BIGINT        NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    position   INTEGER       NOT NULL,
    CONSTRAINT fk_domain_exemplar_domain FOREIGN KEY (domain_id) REFERENCES kb_domain (id) ON DELETE CASCADE
);
CREATE INDEX ix_domain_exemplar_domain ON domain_exemplar (domain_id);

CREATE TABLE kb_source (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    domain_id    BIGINT                   NOT NULL,
    title        VARCHAR(500)             NOT NULL,
    filename     VARCHAR(500)             NOT NULL,
    media_type   VARCHAR(200)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    content_hash VARCHAR(64)              NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    failure      VARCHAR(2000),
    chunk_count  INTEGER                  NOT NULL,
    body_text    TEXT,
    original     BYTEA                    NOT NULL,
    uploaded_by  VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_kb_source_domain FOREIGN KEY (domain_id) REFERENCES kb_domain (id),
    CONSTRAINT uq_kb_source_hash UNIQUE (domain_id, content_hash),
    CONSTRAINT ck_kb_source_status CHECK (status IN ('QUEUED', 'PARSING', 'EMBEDDING', 'INDEXED', 'FAILED', 'RETIRED'))
);
CREATE INDEX ix_kb_source_domain_status ON kb_source (domain_id, status);

CREATE TABLE kb_chunk (
    id         BIGINT       NOT NULL PRIMARY KEY,
    source_id  BIGINT       NOT NULL,
    ordinal    INTEGER      NOT NULL,
    heading    VARCHAR(500),
    text       TEXT         NOT NULL,
    embedding  BYTEA        NOT NULL,
    CONSTRAINT fk_kb_chunk_source FOREIGN KEY (source_id) REFERENCES kb_source (id) ON DELETE CASCADE
);
CREATE INDEX ix_kb_chunk_source ON kb_chunk (source_id);
