-- People (issue 4): the member listing's filters and the person's lifecycle.

-- Set by an admin's MFA reset: the hosted login makes this person enrol a new authenticator at the next sign-in,
-- whatever journey the application asked for; cleared when the enrolment is confirmed. 0/1 in both dialects.
ALTER TABLE users ADD COLUMN mfa_enrolment_required INTEGER NOT NULL DEFAULT 0;

-- Member lists are ordered by (users.name_key, memberships.id): walking people in name order finds the first page
-- of a large subtree without sorting it.
CREATE INDEX users_name_key_idx ON users (name_key, id);
-- A subtree listing is a range scan on orgs.path (orgs_path_key) joined to memberships by org; the person's own
-- memberships (GET /users/{id}, account-wide actions) come from memberships_user_org_key.
CREATE INDEX memberships_org_user_idx ON memberships (org_id, user_id);
-- The role filter and the person view read the roles held at one org by one person.
CREATE INDEX role_assignments_user_org_idx ON role_assignments (user_id, org_id);
-- ...and how many hold a role (the listing picks its plan by that).
CREATE INDEX role_assignments_role_idx ON role_assignments (role_id, revoked_at);
-- Session counts and revocation per person.
CREATE INDEX refresh_tokens_user_active_idx ON refresh_tokens (user_id, revoked_at);
-- q= searches a substring of names and e-mail addresses (LIKE '%...%'), which a b-tree cannot answer; trigram
-- indexes can (three characters or more). pg_trgm ships with PostgreSQL and is a trusted extension: the database
-- owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_name_key_trgm_idx ON users USING gin (name_key gin_trgm_ops);
CREATE INDEX users_email_trgm_idx ON users USING gin (email gin_trgm_ops);
