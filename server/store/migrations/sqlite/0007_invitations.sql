-- Invitations (SQLite): a single-use, expiring link that lands a membership (and roles) in an organisation for an
-- email address. Only the SHA-256 of the token is stored (core/crypto/TokenHash). status is what was decided;
-- "expired" is also computed from expires_at for pending rows. Column names match the PostgreSQL dialect.
CREATE TABLE invitations (
    id                    TEXT PRIMARY KEY,
    org_id                TEXT NOT NULL REFERENCES orgs(id),
    email                 TEXT NOT NULL,
    display_name          TEXT NOT NULL DEFAULT '',
    title                 TEXT NOT NULL DEFAULT '',
    role_ids              TEXT NOT NULL DEFAULT '[]',
    membership_source     TEXT NOT NULL DEFAULT 'invitation',
    membership_expires_at TEXT,
    invited_by            TEXT REFERENCES users(id),
    token_hash            TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'pending',
    created_at            TEXT NOT NULL,
    expires_at            TEXT NOT NULL,
    accepted_at           TEXT,
    accepted_user_id      TEXT REFERENCES users(id),
    revoked_at            TEXT,
    CONSTRAINT invitations_token_key UNIQUE (token_hash),
    CONSTRAINT invitations_status_check CHECK (status IN ('pending', 'accepted', 'revoked', 'expired')),
    CONSTRAINT invitations_source_check CHECK (membership_source IN ('invitation', 'import'))
);
-- At most one pending invitation per (org, email); an expired pending one is marked 'expired' before a new one.
CREATE UNIQUE INDEX invitations_pending_key ON invitations (org_id, email) WHERE status = 'pending';
CREATE INDEX invitations_org_idx ON invitations (org_id, created_at, id);
