DROP INDEX "domain_events_unpublished_idx";--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "position" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "domain_events_position_idx" ON "domain_events" USING btree ("position");--> statement-breakpoint
CREATE INDEX "domain_events_tenant_position_idx" ON "domain_events" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE INDEX "domain_events_unpositioned_idx" ON "domain_events" USING btree ("id") WHERE "domain_events"."position" is null;--> statement-breakpoint
CREATE INDEX "domain_events_unpublished_idx" ON "domain_events" USING btree ("id") WHERE "domain_events"."published_at" is null and "domain_events"."dead_at" is null;--> statement-breakpoint
-- Positions replace the snapshot rule of 0010, which hid every newer event while any transaction
-- anywhere was open: an event's place in the history is now given after it commits.
ALTER TABLE "domain_events" DROP COLUMN "written_by_tx";
--> statement-breakpoint
CREATE SEQUENCE "domain_events_position_seq";
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "domain_events_position_seq" TO plantintel_platform;
--> statement-breakpoint
UPDATE "domain_events" AS d SET "position" = n."position"
FROM (SELECT "id", nextval('domain_events_position_seq') AS "position" FROM (SELECT "id" FROM "domain_events" ORDER BY "id") AS o) AS n
WHERE d."id" = n."id";
