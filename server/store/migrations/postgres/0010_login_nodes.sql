-- Login journey nodes (PostgreSQL): what the magic-link, email-code, risk, terms and profile nodes keep.
-- Column names match the PostgreSQL dialect.

-- Every email the hosted login sends is written here first; when SMTP is configured it is also sent and sent_at
-- (or error) filled in. GET /api/v1/outbox lists them for administrators of org_id.
CREATE TABLE email_outbox (
    id         TEXT COLLATE "C" PRIMARY KEY,
    org_id     TEXT COLLATE "C" REFERENCES orgs(id),
    to_address TEXT NOT NULL,
    subject    TEXT NOT NULL,
    text_body  TEXT NOT NULL,
    html_body  TEXT,
    created_at TEXT NOT NULL,
    created_us BIGINT NOT NULL, -- microseconds since 1970: orders emails written within the same second
    sent_at    TEXT,
    error      TEXT
);
CREATE INDEX email_outbox_org_idx ON email_outbox (org_id, created_us, id);

-- Single-use sign-in secrets sent by email: a magic link's token or a one-time code, only as SHA-256
-- (a code is hashed together with its row id). user_id is NULL for an address nobody has (nothing is sent, the
-- row only makes the page behave the same). verified_at: the link was opened / the code typed.
CREATE TABLE email_sign_in_tokens (
    id              TEXT COLLATE "C" PRIMARY KEY,
    kind            TEXT NOT NULL,
    user_id         TEXT COLLATE "C" REFERENCES users(id),
    flow_session_id TEXT COLLATE "C",
    token_hash      TEXT COLLATE "C" NOT NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    verified_at     TEXT,
    CONSTRAINT email_sign_in_tokens_kind_check CHECK (kind IN ('magic-link', 'email-code'))
);
CREATE INDEX email_sign_in_tokens_hash_idx ON email_sign_in_tokens (token_hash);
CREATE INDEX email_sign_in_tokens_user_idx ON email_sign_in_tokens (user_id, kind, created_at);

-- Which version of which terms a person accepted, and when.
CREATE TABLE terms_acceptances (
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    version     TEXT NOT NULL,
    url         TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (user_id, version)
);

-- Browsers a person signed in with: the SHA-256 of the trellis_device cookie.
CREATE TABLE known_devices (
    user_id       TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    device_hash   TEXT COLLATE "C" NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, device_hash)
);

-- Successful sign-ins with the country the risk node's address table gave (empty when none), for "new country".
CREATE TABLE sign_in_history (
    id          TEXT COLLATE "C" PRIMARY KEY,
    user_id     TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    signed_in_at TEXT NOT NULL,
    address     TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    device_hash TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX sign_in_history_user_idx ON sign_in_history (user_id, signed_in_at);

-- Profile attributes collected by the collect-profile node (core/flow/ProfileAttributes names them).
CREATE TABLE user_attributes (
    user_id    TEXT COLLATE "C" NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, name)
);
