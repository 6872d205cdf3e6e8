-- Curated datasets: immutable versions of labelled examples with provenance and split, a frozen
-- evaluation set that keeps versions comparable (extended only by an admin), and imported examples.

CREATE TABLE dataset_version (
    id                BIGINT                   NOT NULL PRIMARY KEY,
    version_no        INTEGER                  NOT NULL,
    created_by        VARCHAR(100)             NOT NULL,
    train_size        INTEGER                  NOT NULL,
    eval_size         INTEGER                  NOT NULL,
    label_counts      VARCHAR(4000)            NOT NULL,
    provenance_counts VARCHAR(4000)            NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_dataset_version_no UNIQUE (version_no)
);

CREATE TABLE dataset_example (
    id             BIGINT        NOT NULL PRIMARY KEY,
    version_id     BIGINT        NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    label          VARCHAR(60)   NOT NULL,
    provenance     VARCHAR(30)   NOT NULL,
    interaction_id BIGINT,
    split          VARCHAR(10)   NOT NULL,
    CONSTRAINT fk_dataset_example_version FOREIGN KEY (version_id) REFERENCES dataset_version (id) ON DELETE CASCADE,
    CONSTRAINT ck_dataset_example_split CHECK (split IN ('train', 'eval'))
);
CREATE INDEX ix_dataset_example_version ON dataset_example (version_id, split);

CREATE TABLE frozen_eval_example (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    text       VARCHAR(4000)            NOT NULL,
    label      VARCHAR(60)              NOT NULL,
    provenance VARCHAR(30)              NOT NULL,
    added_by   VARCHAR(100)             NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE imported_example (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    text        VARCHAR(4000)            NOT NULL,
    label       VARCHAR(60)              NOT NULL,
    imported_by VARCHAR(100)             NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
