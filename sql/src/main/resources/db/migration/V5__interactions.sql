-- The employee's path: every question with its route, retrieval, answer, guardrail events and
-- latencies (question and answer redacted before they get here), the ratings, and escalations.

CREATE TABLE interaction (
    id                 BIGINT                   NOT NULL PRIMARY KEY,
    asked_by           VARCHAR(100)             NOT NULL,
    session_id         VARCHAR(100)             NOT NULL,
    question           VARCHAR(4000)            NOT NULL,
    outcome            VARCHAR(30)              NOT NULL,
    domain_key         VARCHAR(60),
    route_confidence   DOUBLE PRECISION         NOT NULL,
    router_version     VARCHAR(100)             NOT NULL,
    shadow_predictions TEXT,
    retrieved          TEXT,
    answer_mode        VARCHAR(20)              NOT NULL,
    answer             TEXT,
    citations          TEXT,
    guardrail_events   TEXT,
    latencies          VARCHAR(1000),
    rephrase_of        BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_interaction_rephrase FOREIGN KEY (rephrase_of) REFERENCES interaction (id)
);
CREATE INDEX ix_interaction_asker ON interaction (asked_by, created_at);
CREATE INDEX ix_interaction_session ON interaction (session_id, created_at);

CREATE TABLE feedback (
    id             BIGINT                   NOT NULL PRIMARY KEY,
    interaction_id BIGINT                   NOT NULL,
    rated_by       VARCHAR(100)             NOT NULL,
    rating         VARCHAR(4)               NOT NULL,
    comment        VARCHAR(2000),
    correct_domain VARCHAR(60),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_feedback_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id),
    CONSTRAINT uq_feedback_rater UNIQUE (interaction_id, rated_by),
    CONSTRAINT ck_feedback_rating CHECK (rating IN ('up', 'down'))
);

CREATE TABLE escalation (
    id             BIGINT                   NOT NULL PRIMARY KEY,
    interaction_id BIGINT                   NOT NULL,
    requested_by   VARCHAR(100)             NOT NULL,
    note           VARCHAR(2000),
    status         VARCHAR(20)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_escalation_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id),
    CONSTRAINT ck_escalation_status CHECK (status IN ('OPEN', 'CLOSED'))
);
