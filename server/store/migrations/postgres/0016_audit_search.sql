-- Free text over the audit trail (q=, issue 6). q= matches a substring of eight columns (LOWER(column) LIKE
-- '%...%'), which a b-tree cannot answer: at ten million events that is a scan of seconds. A trigram index (pg_trgm,
-- migration 0005) over the eight columns joined by spaces narrows the candidates (AuditQuery adds the same expression
-- with the same pattern) and the per-column LIKE still decides, so results are exactly those of the scan.
CREATE INDEX audit_events_search_trgm_idx ON audit_events USING gin (
    LOWER(actor_display || ' ' || target_display || ' ' || action || ' ' || reason || ' ' || target_id || ' ' ||
          actor_id || ' ' || client_address || ' ' || request_id) gin_trgm_ops);
