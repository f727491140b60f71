-- Federation (issue 5): upstream OpenID Connect identity providers configured per organisation, the email domains
-- they claim for home-realm discovery, and the upstream identities linked to people (SQLite). Column names match the
-- PostgreSQL dialect.

-- One row per provider. issuer is the upstream's issuer URL exactly as its discovery document states it.
-- client_secret is stored as entered (never returned by the API nor logged), like the signing keys' PEM: encryption
-- at rest needs a key management story of its own (see docs/decisions/0007). scopes is space-separated and always
-- contains openid. jit_provisioning: an unknown upstream person becomes a Trellis person with a membership in org_id.
CREATE TABLE identity_providers (
    id               TEXT PRIMARY KEY,
    org_id           TEXT NOT NULL REFERENCES orgs(id),
    display_name     TEXT NOT NULL,
    issuer           TEXT NOT NULL,
    client_id        TEXT NOT NULL,
    client_secret    TEXT NOT NULL,
    scopes           TEXT NOT NULL,
    jit_provisioning INTEGER NOT NULL DEFAULT 0,
    enabled          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX identity_providers_org_idx ON identity_providers (org_id, id);

-- The email domains (lower case) a provider claims. A domain belongs to one provider at most, across all
-- organisations: home-realm discovery must never have two answers.
CREATE TABLE identity_provider_domains (
    domain      TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES identity_providers(id) ON DELETE CASCADE
);
CREATE INDEX identity_provider_domains_provider_idx ON identity_provider_domains (provider_id);

-- An upstream person (the provider's "sub") linked to a Trellis person. One link per upstream subject; a person may
-- have links to several providers.
CREATE TABLE federated_identities (
    id           TEXT PRIMARY KEY,
    provider_id  TEXT NOT NULL REFERENCES identity_providers(id) ON DELETE CASCADE,
    subject      TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id),
    email        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    CONSTRAINT federated_identities_subject_key UNIQUE (provider_id, subject)
);
CREATE INDEX federated_identities_user_idx ON federated_identities (user_id);
