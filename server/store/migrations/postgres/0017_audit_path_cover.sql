-- A subtree's events (issue 6): AuditQuery walks each org path of a subtree newest first through this index and
-- tests the time range, action and outcome of every event it passes. With those columns in the index the walk reads
-- index pages only, in order, instead of one table row per event (at ten million events, a small customer's
-- subtree with a rare action group was seconds of random reads, now a few milliseconds).
DROP INDEX audit_events_path_seq_idx;
CREATE INDEX audit_events_path_seq_idx ON audit_events (target_org_path, sequence, occurred_at, action, outcome);
