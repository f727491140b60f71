-- Trellis schema, first cut (PostgreSQL). Same column names as the SQLite dialect. Timestamps are RFC 3339 UTC
-- text, which sorts in time order; identifiers, sort keys and paths use COLLATE "C" so ordering is byte order,
-- exactly as in SQLite, and keyset cursors mean the same on both.

CREATE TABLE orgs (
    id          TEXT COLLATE "C" PRIMARY KEY,
    parent_id   TEXT COLLATE "C" REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    name_key    TEXT COLLATE "C" NOT NULL,
    slug        TEXT COLLATE "C" NOT NULL,
    status      TEXT NOT NULL DEFAULT 'active',
    path        TEXT COLLATE "C" NOT NULL,
    depth       INTEGER NOT NULL,
    attributes  JSONB NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CONSTRAINT orgs_slug_key UNIQUE (slug),
    CONSTRAINT orgs_path_key UNIQUE (path),
    CONSTRAINT orgs_status_check CHECK (status IN ('active', 'suspended', 'offboarded'))
);
CREATE INDEX orgs_parent_name_idx ON orgs (parent_id, name_key, id);
CREATE INDEX orgs_name_idx ON orgs (name_key, id);

CREATE TABLE users (
    id              TEXT COLLATE "C" PRIMARY KEY,
    email           TEXT COLLATE "C" NOT NULL,
    display_name    TEXT NOT NULL,
    name_key        TEXT COLLATE "C" NOT NULL,
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
    id          TEXT COLLATE "C" PRIMARY KEY,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    org_id      TEXT COLLATE "C" NOT NULL REFERENCES orgs(id),
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
    id          TEXT COLLATE "C" PRIMARY KEY,
    key         TEXT COLLATE "C" NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    permissions JSONB NOT NULL DEFAULT '[]',
    org_id      TEXT COLLATE "C" REFERENCES orgs(id),
    created_at  TEXT NOT NULL
);
-- Built-in roles (org_id NULL) have globally unique keys; custom roles are unique per defining org.
CREATE UNIQUE INDEX roles_builtin_key ON roles (key) WHERE org_id IS NULL;
CREATE UNIQUE INDEX roles_org_key ON roles (org_id, key) WHERE org_id IS NOT NULL;

CREATE TABLE role_assignments (
    id            TEXT COLLATE "C" PRIMARY KEY,
    user_id       TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    role_id       TEXT COLLATE "C" NOT NULL REFERENCES roles(id),
    org_id        TEXT COLLATE "C" NOT NULL REFERENCES orgs(id),
    granted_by    TEXT COLLATE "C" REFERENCES users(id),
    justification TEXT NOT NULL DEFAULT '',
    expires_at    TEXT,
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);
CREATE INDEX role_assignments_user_idx ON role_assignments (user_id);
CREATE INDEX role_assignments_org_idx ON role_assignments (org_id, user_id);

CREATE TABLE access_tokens (
    id          TEXT COLLATE "C" PRIMARY KEY,
    token_hash  TEXT COLLATE "C" NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    purpose     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT,
    CONSTRAINT access_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX access_tokens_user_idx ON access_tokens (user_id);

-- before_state/after_state stay text (not jsonb) so the hashed bytes come back exactly as written.
CREATE TABLE audit_events (
    sequence        BIGINT PRIMARY KEY,
    id              TEXT COLLATE "C" NOT NULL UNIQUE,
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
    target_org_path TEXT COLLATE "C" NOT NULL DEFAULT '',
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
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- One row: where the hash chain ends. Appenders lock it (SELECT ... FOR UPDATE) so several writers and
-- several trellisd instances extend one chain.
CREATE TABLE audit_chain_head (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    last_sequence BIGINT NOT NULL,
    last_hash     TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, '');
