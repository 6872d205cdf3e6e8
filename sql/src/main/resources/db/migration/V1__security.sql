-- Users, roles, knowledge domains and who is assigned to which domain.
-- Portable between PostgreSQL and H2 in PostgreSQL mode. Ids come from the sequence below
-- (EclipseLink's IDENTITY does not work with Payara's H2), allocated 50 at a time.

CREATE SEQUENCE infodesk_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE app_user (
    id            BIGINT                   NOT NULL PRIMARY KEY,
    username      VARCHAR(100)             NOT NULL,
    display_name  VARCHAR(200)             NOT NULL,
    password_hash VARCHAR(400)             NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE user_role (
    user_id   BIGINT      NOT NULL,
    role_name VARCHAR(40) NOT NULL,
    CONSTRAINT pk_user_role PRIMARY KEY (user_id, role_name),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_role_name CHECK (role_name IN ('employee', 'knowledge-owner', 'sme', 'admin'))
);

CREATE TABLE kb_domain (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    domain_key  VARCHAR(60)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    description VARCHAR(4000)            NOT NULL,
    active      BOOLEAN                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_kb_domain_key UNIQUE (domain_key)
);

CREATE TABLE domain_assignment (
    user_id   BIGINT NOT NULL,
    domain_id BIGINT NOT NULL,
    CONSTRAINT pk_domain_assignment PRIMARY KEY (user_id, domain_id),
    CONSTRAINT fk_domain_assignment_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_domain_assignment_domain FOREIGN KEY (domain_id) REFERENCES kb_domain (id) ON DELETE CASCADE
);

-- Personal API tokens for /api/** (bearer). Only a SHA-256 of the token is stored.
CREATE TABLE api_token (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    user_id      BIGINT                   NOT NULL,
    label        VARCHAR(100)             NOT NULL,
    token_hash   VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked      BOOLEAN                  NOT NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);
