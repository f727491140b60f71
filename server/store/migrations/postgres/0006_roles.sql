-- Custom roles (issue 4): a role can be renamed, re-permissioned and deleted. A deleted role stays in the table
-- (ended assignments and the audit trail still name it) but frees its key for reuse at its defining org.
ALTER TABLE roles ADD COLUMN updated_at TEXT;
ALTER TABLE roles ADD COLUMN deleted_at TEXT;
DROP INDEX roles_org_key;
CREATE UNIQUE INDEX roles_org_key ON roles (org_id, key) WHERE org_id IS NOT NULL AND deleted_at IS NULL;
-- "Is this role still in use?" and "which orgs does a role change affect?" use role_assignments_role_idx
-- (role_id, revoked_at), created by 0005_people.
