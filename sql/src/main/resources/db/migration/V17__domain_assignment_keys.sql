-- A user's domains are kept by key, as scoped_domain keeps them: security no longer maps knowledge's
-- kb_domain table (issue 14: each feature owns its tables). Keys are never renamed; a key whose
-- domain is gone shows as unknown and is dropped at the user's next assignment.
ALTER TABLE domain_assignment ADD COLUMN domain_key VARCHAR(60);

UPDATE domain_assignment
   SET domain_key = (SELECT d.domain_key FROM kb_domain d WHERE d.id = domain_assignment.domain_id);

ALTER TABLE domain_assignment DROP CONSTRAINT fk_domain_assignment_domain;
ALTER TABLE domain_assignment DROP CONSTRAINT pk_domain_assignment;
ALTER TABLE domain_assignment DROP COLUMN domain_id;
ALTER TABLE domain_assignment ALTER COLUMN domain_key SET NOT NULL;
ALTER TABLE domain_assignment ADD CONSTRAINT pk_domain_assignment PRIMARY KEY (user_id, domain_key);
