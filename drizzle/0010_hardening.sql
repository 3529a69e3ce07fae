-- Sign-in attempts are read and written only on the platform path (a sign-in has no tenant yet).
GRANT SELECT, INSERT, UPDATE ON login_attempts TO plantintel_platform;
--> statement-breakpoint
-- The transaction that wrote each event. `GET /events?after=` returns only events of transactions
-- that finished before every transaction still running: ids are taken at insert but become visible
-- at commit, so without this a slow transaction's smaller id could appear behind a reader's cursor.
ALTER TABLE domain_events ADD COLUMN written_by_tx xid8 NOT NULL DEFAULT pg_current_xact_id();
