ALTER TABLE "memberships" DROP CONSTRAINT "memberships_status_check";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "invited_name" text;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "required_scope" text DEFAULT 'read' NOT NULL;--> statement-breakpoint
CREATE INDEX "login_attempts_email_ip_idx" ON "login_attempts" USING btree ("email","ip","attempted_at");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_status_check" CHECK ("memberships"."status" in ('active', 'inactive', 'invited'));--> statement-breakpoint
-- Members invited before memberships could be pending: a person who never chose a password and
-- still holds an open invitation has not accepted yet.
UPDATE "memberships" AS m SET "status" = 'invited', "invited_name" = u."name"
FROM "users" AS u
WHERE u."id" = m."user_id" AND u."password_hash" IS NULL AND u."external_subject" IS NULL
  AND EXISTS (SELECT 1 FROM "invitations" AS i
              WHERE i."user_id" = m."user_id" AND i."tenant_id" = m."tenant_id" AND i."accepted_at" IS NULL);
--> statement-breakpoint
-- Member events recorded before events carried their access: readable by admins only, like new ones.
UPDATE "domain_events" SET "required_scope" = 'admin' WHERE "aggregate_type" = 'user';
