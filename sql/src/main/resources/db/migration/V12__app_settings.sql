-- Settings an admin changed in the portal or through the API. They override MicroProfile Config on
-- every node (re-read every few seconds) until reset.

CREATE TABLE app_setting (
    setting_key   VARCHAR(100)             NOT NULL PRIMARY KEY,
    setting_value VARCHAR(500)             NOT NULL,
    updated_by    VARCHAR(100)             NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
