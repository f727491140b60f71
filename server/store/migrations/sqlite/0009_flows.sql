-- Login journeys (SQLite). A flow is owned by an organisation and usable there and in its whole subtree. Its draft is
-- editable (draft_revision counts saves, for optimistic concurrency); publishing freezes the draft as the next
-- flow_versions row, which never changes again, and makes it live. Column names match the PostgreSQL dialect.
CREATE TABLE flows (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES orgs(id),
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    draft          TEXT NOT NULL,
    draft_revision INTEGER NOT NULL DEFAULT 1,
    live_version   INTEGER,
    created_at     TEXT NOT NULL,
    created_by     TEXT REFERENCES users(id),
    updated_at     TEXT NOT NULL,
    updated_by     TEXT REFERENCES users(id)
);
CREATE INDEX flows_org_idx ON flows (org_id, name, id);

CREATE TABLE flow_versions (
    flow_id      TEXT NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    document     TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    published_at TEXT NOT NULL,
    published_by TEXT REFERENCES users(id),
    PRIMARY KEY (flow_id, version)
);

-- Which flow runs where: a binding at an organisation reaches its subtree (the most specific one wins), for one
-- application (client_id) or for all of them (client_id NULL). One binding per (org, client) and one all-clients
-- binding per org: NULLs are distinct in a plain unique index on both databases, hence two partial indexes.
CREATE TABLE flow_bindings (
    id         TEXT PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES orgs(id),
    client_id  TEXT REFERENCES oidc_clients(id),
    flow_id    TEXT NOT NULL REFERENCES flows(id),
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id)
);
CREATE UNIQUE INDEX flow_bindings_org_client_key ON flow_bindings (org_id, client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX flow_bindings_org_all_key ON flow_bindings (org_id) WHERE client_id IS NULL;
CREATE INDEX flow_bindings_flow_idx ON flow_bindings (flow_id);
