-- Domain scope per role: the domains a user owns (knowledge-owner) and the domains they review (sme)
-- are separate assignments. domain_assignment stays as the union, for display.
CREATE TABLE scoped_domain (
    user_id    BIGINT      NOT NULL,
    role_name  VARCHAR(40) NOT NULL,
    domain_key VARCHAR(60) NOT NULL,
    CONSTRAINT pk_scoped_domain PRIMARY KEY (user_id, role_name, domain_key),
    CONSTRAINT fk_scoped_domain_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_scoped_domain_role CHECK (role_name IN ('knowledge-owner', 'sme'))
);

-- what existed: every assigned domain for each scoped role the user holds
INSERT INTO scoped_domain (user_id, role_name, domain_key)
SELECT a.user_id, r.role_name, d.domain_key
  FROM domain_assignment a
  JOIN user_role r ON r.user_id = a.user_id
  JOIN kb_domain d ON d.id = a.domain_id
 WHERE r.role_name IN ('knowledge-owner', 'sme');
