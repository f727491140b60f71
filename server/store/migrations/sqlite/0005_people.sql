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
-- q= searches a substring of names and e-mail addresses (LIKE '%...%'), which a b-tree cannot answer. An FTS5 trigram
-- index can (three characters or more): it narrows the candidates, the LIKE still decides. It mirrors users by rowid
-- (external content); users has no INTEGER PRIMARY KEY, so after a VACUUM rebuild it with
-- INSERT INTO users_search(users_search) VALUES ('rebuild') (docs/server.md).
CREATE VIRTUAL TABLE users_search USING fts5(name_key, email, content='users', content_rowid='rowid',
                                             tokenize='trigram');
CREATE TRIGGER users_search_insert AFTER INSERT ON users
BEGIN
    INSERT INTO users_search (rowid, name_key, email) VALUES (new.rowid, new.name_key, new.email);
END;
CREATE TRIGGER users_search_delete AFTER DELETE ON users
BEGIN
    INSERT INTO users_search (users_search, rowid, name_key, email) VALUES ('delete', old.rowid, old.name_key, old.email);
END;
CREATE TRIGGER users_search_update AFTER UPDATE OF name_key, email ON users
BEGIN
    INSERT INTO users_search (users_search, rowid, name_key, email) VALUES ('delete', old.rowid, old.name_key, old.email);
    INSERT INTO users_search (rowid, name_key, email) VALUES (new.rowid, new.name_key, new.email);
END;
INSERT INTO users_search (users_search) VALUES ('rebuild');
