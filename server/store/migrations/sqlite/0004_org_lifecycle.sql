-- Organisation lifecycle (SQLite): suspending an org suspends its active subtree and the active memberships in
-- it; resuming it must restore exactly those rows and nothing else (an org or membership suspended on its own
-- stays suspended). suspension_root_id names the org whose suspension changed the row; NULL otherwise.
ALTER TABLE orgs ADD COLUMN suspension_root_id TEXT REFERENCES orgs(id);
ALTER TABLE memberships ADD COLUMN suspension_root_id TEXT REFERENCES orgs(id);

-- Resume finds what one suspension changed without scanning every membership.
CREATE INDEX memberships_suspension_root_idx ON memberships (suspension_root_id)
    WHERE suspension_root_id IS NOT NULL;
-- Impact previews and lifecycle changes join memberships of a subtree to their people's sessions.
CREATE INDEX sso_sessions_user_open_idx ON sso_sessions (user_id) WHERE ended_at IS NULL;
