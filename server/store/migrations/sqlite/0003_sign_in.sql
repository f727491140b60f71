-- Sign-in (SQLite): OpenID Connect clients, signing keys, TOTP, SSO and flow sessions, codes, refresh tokens,
-- throttling. Column names match the PostgreSQL dialect.

-- Registered applications (OpenID Connect relying parties). Redirect URIs are matched exactly, except that for
-- native clients a loopback redirect ("http://127.0.0.1/...", "http://[::1]/...") matches on any port (RFC 8252
-- §7.3). JSON columns hold arrays of strings.
CREATE TABLE oidc_clients (
    id                        TEXT PRIMARY KEY,
    name                      TEXT NOT NULL,
    client_type               TEXT NOT NULL,
    secret_hash               TEXT,
    redirect_uris             TEXT NOT NULL DEFAULT '[]',
    post_logout_redirect_uris TEXT NOT NULL DEFAULT '[]',
    grant_types               TEXT NOT NULL DEFAULT '[]',
    scopes                    TEXT NOT NULL DEFAULT 'openid profile email offline_access',
    built_in                  INTEGER NOT NULL DEFAULT 0,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    CONSTRAINT oidc_clients_type_check CHECK (client_type IN ('public', 'confidential')),
    CONSTRAINT oidc_clients_secret_check CHECK ((client_type = 'public') = (secret_hash IS NULL))
);

-- The console: a public native client (PKCE, loopback redirect on any port).
INSERT INTO oidc_clients (id, name, client_type, redirect_uris, grant_types, built_in, created_at, updated_at)
VALUES ('trellis-console', 'Trellis console', 'public', '["http://127.0.0.1/callback", "http://[::1]/callback"]',
        '["authorization_code", "refresh_token"]', 1, '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z');

-- ES256 signing keys. The newest unretired key signs; retired keys stay published in the JWKS until every token
-- they signed has expired (published_until), then they are removed.
CREATE TABLE signing_keys (
    kid             TEXT PRIMARY KEY,
    algorithm       TEXT NOT NULL,
    private_key_pem TEXT NOT NULL,
    public_jwk      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    retired_at      TEXT,
    published_until TEXT
);

-- TOTP (RFC 6238) per person. last_used_step refuses a second use of the same code.
CREATE TABLE totp_factors (
    user_id        TEXT PRIMARY KEY REFERENCES users(id),
    secret         TEXT NOT NULL,
    confirmed_at   TEXT,
    last_used_step BIGINT NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL
);

-- Single sign-on sessions of the hosted login (cookie holds the token, the database its hash).
CREATE TABLE sso_sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id),
    auth_time    TEXT NOT NULL,
    amr          TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    ended_at     TEXT,
    CONSTRAINT sso_sessions_token_key UNIQUE (token_hash)
);
CREATE INDEX sso_sessions_user_idx ON sso_sessions (user_id);

-- A sign-in in progress: the flow interpreter's state and the authorization request it will answer. In the
-- database, so any trellisd instance can continue it.
CREATE TABLE flow_sessions (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL,
    csrf_hash    TEXT NOT NULL,
    flow_key     TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT '{}',
    request      TEXT NOT NULL DEFAULT '{}',
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    completed_at TEXT,
    CONSTRAINT flow_sessions_token_key UNIQUE (token_hash)
);

-- Authorization codes: single use, short-lived, bound to client, redirect URI and PKCE challenge. A replayed code
-- revokes the refresh token family it issued (family_id).
CREATE TABLE authorization_codes (
    id                    TEXT PRIMARY KEY,
    code_hash             TEXT NOT NULL,
    client_id             TEXT NOT NULL REFERENCES oidc_clients(id),
    user_id               TEXT NOT NULL REFERENCES users(id),
    sso_session_id        TEXT REFERENCES sso_sessions(id),
    redirect_uri          TEXT NOT NULL,
    scope                 TEXT NOT NULL,
    nonce                 TEXT NOT NULL DEFAULT '',
    code_challenge        TEXT NOT NULL DEFAULT '',
    code_challenge_method TEXT NOT NULL DEFAULT '',
    auth_time             TEXT NOT NULL,
    amr                   TEXT NOT NULL DEFAULT '[]',
    created_at            TEXT NOT NULL,
    expires_at            TEXT NOT NULL,
    used_at               TEXT,
    family_id             TEXT,
    CONSTRAINT authorization_codes_hash_key UNIQUE (code_hash)
);

-- Refresh tokens: opaque, stored hashed, rotated on every use. Presenting a rotated one again revokes its whole
-- family (RFC 9700 §4.14).
CREATE TABLE refresh_tokens (
    id             TEXT PRIMARY KEY,
    token_hash     TEXT NOT NULL,
    family_id      TEXT NOT NULL,
    client_id      TEXT NOT NULL REFERENCES oidc_clients(id),
    user_id        TEXT NOT NULL REFERENCES users(id),
    sso_session_id TEXT REFERENCES sso_sessions(id),
    scope          TEXT NOT NULL,
    auth_time      TEXT NOT NULL,
    amr            TEXT NOT NULL DEFAULT '[]',
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    rotated_at     TEXT,
    revoked_at     TEXT,
    revoke_reason  TEXT NOT NULL DEFAULT '',
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

-- Sign-in throttling per account ('account:<user id>') and per client address ('address:<ip>').
CREATE TABLE sign_in_throttles (
    throttle_key     TEXT PRIMARY KEY,
    failures         INTEGER NOT NULL DEFAULT 0,
    first_failure_at TEXT NOT NULL,
    last_failure_at  TEXT NOT NULL,
    locked_until     TEXT
);
