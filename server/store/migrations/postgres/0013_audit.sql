-- The audit trail you can prove (issue 6), PostgreSQL. Column names match the SQLite dialect.

-- Signed checkpoints of the hash chain: written at intervals ("interval") and when events past retention are purged
-- ("anchor": the remaining chain starts from it). jws is an ES256 JWS by the server's token signing key over
-- {seq, hash, signedAt, kind, iss}; public_jwk keeps the key so archives verify without the server.
CREATE TABLE audit_checkpoints (
    sequence   BIGINT PRIMARY KEY,
    hash       TEXT NOT NULL,
    signed_at  TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('interval', 'anchor')),
    key_id     TEXT NOT NULL,
    jws        TEXT NOT NULL,
    public_jwk TEXT NOT NULL
);

-- Retention may delete the oldest events: only while the purge holds a row here, inside its own transaction.
-- The guard keeps accidents and careless scripts out; deliberate tampering is what the chain and checkpoints reveal.
CREATE TABLE audit_purge_permit (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_purge_permit) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Query support: each filter column with the sequence, so "newest first, filtered" walks one index.
DROP INDEX audit_events_target_path_idx;
CREATE INDEX audit_events_path_seq_idx ON audit_events (target_org_path, sequence);
CREATE INDEX audit_events_actor_seq_idx ON audit_events (actor_id, sequence);
CREATE INDEX audit_events_action_seq_idx ON audit_events (action, sequence);
CREATE INDEX audit_events_target_seq_idx ON audit_events (target_id, sequence);
CREATE INDEX audit_events_outcome_seq_idx ON audit_events (outcome, sequence);
CREATE INDEX audit_events_request_idx ON audit_events (request_id);
