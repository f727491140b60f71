-- Trellis schema, first cut (SQLite). Timestamps are RFC 3339 UTC text ("2026-11-23T08:15:00Z"), which sorts
-- in time order; JSON columns hold serialised objects. Column names match the PostgreSQL dialect.

CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    parent_id   TEXT REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    slug        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    path        TEXT NOT NULL,
    depth       INTEGER NOT NULL,
    attributes  TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CONSTRAINT orgs_slug_key UNIQUE (slug),
    CONSTRAINT orgs_path_key UNIQUE (path),
    CONSTRAINT orgs_status_check CHECK (status IN ('active', 'suspended', 'offboarded'))
);
CREATE INDEX orgs_parent_name_idx ON orgs (parent_id, name_key, id);
CREATE INDEX orgs_name_idx ON orgs (name_key, id);

CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'active',
    password_hash   TEXT,
    last_sign_in_at TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_status_check CHECK (status IN ('active', 'disabled'))
);
CREATE INDEX users_last_sign_in_idx ON users (last_sign_in_at);

CREATE TABLE memberships (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    status      TEXT NOT NULL DEFAULT 'active',
    title       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'manual',
    expires_at  TEXT,
    created_at  TEXT NOT NULL,
    CONSTRAINT memberships_user_org_key UNIQUE (user_id, org_id),
    CONSTRAINT memberships_status_check CHECK (status IN ('active', 'suspended', 'ended'))
);
CREATE INDEX memberships_org_idx ON memberships (org_id, status);

CREATE TABLE roles (
    id          TEXT PRIMARY KEY,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    permissions TEXT NOT NULL DEFAULT '[]',
    org_id      TEXT REFERENCES orgs(id),
    created_at  TEXT NOT NULL
);
-- Built-in roles (org_id NULL) have globally unique keys; custom roles are unique per defining org.
CREATE UNIQUE INDEX roles_builtin_key ON roles (key) WHERE org_id IS NULL;
CREATE UNIQUE INDEX roles_org_key ON roles (org_id, key) WHERE org_id IS NOT NULL;

CREATE TABLE role_assignments (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users(id),
    role_id       TEXT NOT NULL REFERENCES roles(id),
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    granted_by    TEXT REFERENCES users(id),
    justification TEXT NOT NULL DEFAULT '',
    expires_at    TEXT,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);
CREATE INDEX role_assignments_user_idx ON role_assignments (user_id);
CREATE INDEX role_assignments_org_idx ON role_assignments (org_id, user_id);

CREATE TABLE access_tokens (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id),
    purpose     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT,
    CONSTRAINT access_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX access_tokens_user_idx ON access_tokens (user_id);

CREATE TABLE audit_events (
    sequence        INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    occurred_at     TEXT NOT NULL,
    actor_type      TEXT NOT NULL,
    actor_id        TEXT NOT NULL DEFAULT '',
    actor_display   TEXT NOT NULL DEFAULT '',
    acting_org_id   TEXT NOT NULL DEFAULT '',
    delegation_id   TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    target_type     TEXT NOT NULL DEFAULT '',
    target_id       TEXT NOT NULL DEFAULT '',
    target_display  TEXT NOT NULL DEFAULT '',
    target_org_path TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    client_address  TEXT NOT NULL DEFAULT '',
    user_agent      TEXT NOT NULL DEFAULT '',
    request_id      TEXT NOT NULL DEFAULT '',
    before_state    TEXT NOT NULL DEFAULT 'null',
    after_state     TEXT NOT NULL DEFAULT 'null',
    previous_hash   TEXT NOT NULL,
    hash            TEXT NOT NULL
);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);
CREATE INDEX audit_events_target_path_idx ON audit_events (target_org_path);

-- The audit trail is append-only: the database itself refuses to change or remove an event.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

-- One row: where the hash chain ends. Appenders lock it so every writer extends the same chain.
CREATE TABLE audit_chain_head (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    last_sequence INTEGER NOT NULL,
    last_hash     TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, '');
