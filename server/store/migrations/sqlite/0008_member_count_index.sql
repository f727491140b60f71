-- Delegated administration at scale (issue 4 benchmark, docs/benchmarks.md): every org in a list carries the count of
-- its active, unexpired memberships. With (org_id, status) alone each counted membership costs a table lookup for
-- expires_at; a distributor's children hold thousands of members, so a children page of the platform root took
-- 150 ms at 100,000 orgs and 1,000,000 people. With expires_at in the index the count reads the index only.
-- It leads with the same columns, so it replaces memberships_org_idx.
CREATE INDEX memberships_org_status_expires_idx ON memberships (org_id, status, expires_at);
DROP INDEX memberships_org_idx;
