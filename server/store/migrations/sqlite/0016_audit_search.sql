-- Free text over the audit trail (q=, issue 6). q= matches a substring of eight columns (LOWER(column) LIKE
-- '%...%'), which a b-tree cannot answer: at ten million events that was a scan of seconds. An FTS5 trigram index over
-- the same columns narrows the candidates first (every trigram of the text must occur in the event) and the LIKE
-- still decides, so results are exactly those of the scan. detail=none keeps no positions: a third of the size of a
-- full index, and AuditQuery asks for trigrams joined by AND, which needs none. It mirrors audit_events by sequence
-- (external content); the triggers keep it in step, including a purge and (for tampering tests, the table itself
-- refuses it) an update.
CREATE VIRTUAL TABLE audit_events_search USING fts5(actor_display, target_display, action, reason, target_id, actor_id,
                                                    client_address, request_id, content='audit_events',
                                                    content_rowid='sequence', tokenize='trigram', detail=none);
CREATE TRIGGER audit_events_search_insert AFTER INSERT ON audit_events
BEGIN
    INSERT INTO audit_events_search (rowid, actor_display, target_display, action, reason, target_id, actor_id,
                                     client_address, request_id)
    VALUES (new.sequence, new.actor_display, new.target_display, new.action, new.reason, new.target_id, new.actor_id,
            new.client_address, new.request_id);
END;
CREATE TRIGGER audit_events_search_delete AFTER DELETE ON audit_events
BEGIN
    INSERT INTO audit_events_search (audit_events_search, rowid, actor_display, target_display, action, reason,
                                     target_id, actor_id, client_address, request_id)
    VALUES ('delete', old.sequence, old.actor_display, old.target_display, old.action, old.reason, old.target_id,
            old.actor_id, old.client_address, old.request_id);
END;
CREATE TRIGGER audit_events_search_update AFTER UPDATE ON audit_events
BEGIN
    INSERT INTO audit_events_search (audit_events_search, rowid, actor_display, target_display, action, reason,
                                     target_id, actor_id, client_address, request_id)
    VALUES ('delete', old.sequence, old.actor_display, old.target_display, old.action, old.reason, old.target_id,
            old.actor_id, old.client_address, old.request_id);
    INSERT INTO audit_events_search (rowid, actor_display, target_display, action, reason, target_id, actor_id,
                                     client_address, request_id)
    VALUES (new.sequence, new.actor_display, new.target_display, new.action, new.reason, new.target_id, new.actor_id,
            new.client_address, new.request_id);
END;
INSERT INTO audit_events_search (audit_events_search) VALUES ('rebuild');
-- One segment: otherwise the rebuild's many small segments are merged by the appends that follow, a slow start.
INSERT INTO audit_events_search (audit_events_search) VALUES ('optimize');
