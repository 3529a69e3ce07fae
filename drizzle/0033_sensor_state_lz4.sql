-- The detectors' states (a few kB of JSON per sensor, rewritten by every ingest batch, so stored
-- out of line and compressed) compressed with lz4 instead of pglz: pglz was the costliest part of
-- the state update in bench:ingest's profile of PostgreSQL, lz4 a tenth of it. Only new values are
-- affected. A server built without lz4 (the embedded database) keeps pglz.
DO $$
BEGIN
  ALTER TABLE sensor_state
    ALTER COLUMN state SET COMPRESSION lz4,
    ALTER COLUMN checkpoint SET COMPRESSION lz4,
    ALTER COLUMN pending SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
