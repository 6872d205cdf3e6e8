-- One row per running node, kept fresh by each node's heartbeat timer.

CREATE TABLE cluster_node (
    node_name      VARCHAR(200)             NOT NULL PRIMARY KEY,
    roles          VARCHAR(200)             NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_heartbeat TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeats     BIGINT                   NOT NULL
);
