-- Passkeys (WebAuthn credentials) and the challenges of ceremonies in progress (SQLite). Column names match the
-- PostgreSQL dialect.

-- One row per registered passkey. credential_id is the authenticator's id (base64url) and unique across everyone,
-- so a sign-in with a discoverable credential finds its owner. public_key is the COSE_Key exactly as the
-- authenticator sent it (base64url); algorithm its COSE number (-7 ES256, -8 EdDSA, -257 RS256). sign_count is the
-- last counter seen (0: the authenticator keeps none). backup_eligible/backup_state are the BE/BS flags (a synced
-- passkey); aaguid identifies the authenticator model (hex; all zero without attestation).
CREATE TABLE passkey_credentials (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users(id),
    credential_id   TEXT NOT NULL,
    public_key      TEXT NOT NULL,
    algorithm       INTEGER NOT NULL,
    sign_count      BIGINT NOT NULL DEFAULT 0,
    transports      TEXT NOT NULL DEFAULT '[]',
    backup_eligible INTEGER NOT NULL DEFAULT 0,
    backup_state    INTEGER NOT NULL DEFAULT 0,
    aaguid          TEXT NOT NULL,
    name            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    last_used_at    TEXT,
    CONSTRAINT passkey_credentials_credential_key UNIQUE (credential_id),
    CONSTRAINT passkey_credentials_algorithm_check CHECK (algorithm IN (-7, -8, -257))
);
CREATE INDEX passkey_credentials_user_idx ON passkey_credentials (user_id);

-- Challenges handed to a browser, stored hashed: each is used at most once (the row is deleted when the ceremony
-- finishes, whatever its outcome) and expires after a few minutes. user_id is empty for a discoverable sign-in.
CREATE TABLE passkey_challenges (
    challenge_hash TEXT PRIMARY KEY,
    purpose        TEXT NOT NULL,
    user_id        TEXT NOT NULL DEFAULT '',
    expires_at     TEXT NOT NULL,
    CONSTRAINT passkey_challenges_purpose_check CHECK (purpose IN ('register', 'authenticate'))
);
CREATE INDEX passkey_challenges_expires_idx ON passkey_challenges (expires_at);
