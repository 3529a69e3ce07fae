-- The replay window for late data (modules/telemetry/replay.ts): two earlier detector states per
-- sensor. Sensors that exist already start without a checkpoint (nothing to replay from until two
-- rotations have made one); new sensors start with their empty state, before the first reading.
ALTER TABLE "sensor_state" ADD COLUMN "checkpoint" jsonb;--> statement-breakpoint
ALTER TABLE "sensor_state" ADD COLUMN "checkpoint_ts" double precision;--> statement-breakpoint
ALTER TABLE "sensor_state" ADD COLUMN "pending" jsonb;--> statement-breakpoint
ALTER TABLE "sensor_state" ADD COLUMN "pending_ts" double precision;--> statement-breakpoint
ALTER TABLE "sensor_state" ALTER COLUMN "checkpoint" SET DEFAULT '{}'::jsonb;--> statement-breakpoint
ALTER TABLE "sensor_state" ALTER COLUMN "checkpoint_ts" SET DEFAULT '-Infinity'::float8;
