-- Access reviews (issue 6): a campaign snapshots who holds which access inside an org subtree; reviewers keep or
-- revoke each item (SQLite). Column names match the PostgreSQL dialect.

-- reviewed: JSON array of "roles", "memberships", "adminRights". due_rule: what happens to undecided items at
-- due_at ("revoke" or "escalate"); due_processed_at marks that this happened (once, whichever instance got there).
CREATE TABLE access_review_campaigns (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    org_id           TEXT NOT NULL REFERENCES orgs(id),
    reviewed         TEXT NOT NULL,
    due_at           TEXT NOT NULL,
    due_rule         TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open',
    created_by       TEXT NOT NULL REFERENCES users(id),
    created_at       TEXT NOT NULL,
    closed_at        TEXT,
    due_processed_at TEXT,
    CONSTRAINT access_review_campaigns_rule_check CHECK (due_rule IN ('revoke', 'escalate')),
    CONSTRAINT access_review_campaigns_status_check CHECK (status IN ('open', 'closed'))
);
CREATE INDEX access_review_campaigns_due_idx ON access_review_campaigns (status, due_at);

-- One row per reviewed access, copied at creation so the review judges what was there (and the results stay readable
-- after the access is gone). kind: "role_assignment" (subject_id: role_assignments.id) or "membership"
-- (memberships.id). status: open, kept or revoked; escalations counts the due-date hand-overs.
CREATE TABLE access_review_items (
    id                TEXT PRIMARY KEY,
    campaign_id       TEXT NOT NULL REFERENCES access_review_campaigns(id),
    kind              TEXT NOT NULL,
    subject_id        TEXT NOT NULL,
    user_id           TEXT NOT NULL REFERENCES users(id),
    user_email        TEXT NOT NULL,
    user_display_name TEXT NOT NULL,
    last_sign_in_at   TEXT,
    role_id           TEXT,
    role_key          TEXT,
    role_name         TEXT,
    admin_rights      INTEGER NOT NULL DEFAULT 0,
    title             TEXT NOT NULL DEFAULT '',
    org_id            TEXT NOT NULL REFERENCES orgs(id),
    org_name          TEXT NOT NULL,
    org_path          TEXT NOT NULL,
    granted_by_id     TEXT,
    granted_by_email  TEXT,
    granted_at        TEXT,
    expires_at        TEXT,
    inactive          INTEGER NOT NULL DEFAULT 0,
    expires_soon      INTEGER NOT NULL DEFAULT 0,
    reviewer_org_id   TEXT,
    status            TEXT NOT NULL DEFAULT 'open',
    comment           TEXT NOT NULL DEFAULT '',
    reason            TEXT NOT NULL DEFAULT '',
    decided_by        TEXT REFERENCES users(id),
    decided_at        TEXT,
    escalations       INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT access_review_items_kind_check CHECK (kind IN ('role_assignment', 'membership')),
    CONSTRAINT access_review_items_status_check CHECK (status IN ('open', 'kept', 'revoked'))
);
CREATE INDEX access_review_items_campaign_idx ON access_review_items (campaign_id, status);

-- Who may decide an item: the admins of the nearest org up the tree, or one person it was reassigned to.
CREATE TABLE access_review_reviewers (
    item_id TEXT NOT NULL REFERENCES access_review_items(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (item_id, user_id)
);
CREATE INDEX access_review_reviewers_user_idx ON access_review_reviewers (user_id, item_id);
