-- One open flag per route and kind (route anomalies were deduplicated by the code alone): keep the first of any repeats.
DELETE FROM "supply_anomalies" a USING "supply_anomalies" b
  WHERE a."route_id" IS NOT NULL AND a."tenant_id" = b."tenant_id" AND a."kind" = b."kind"
  AND a."route_id" = b."route_id" AND (a."created_at", a."id") > (b."created_at", b."id");
--> statement-breakpoint
CREATE UNIQUE INDEX "supply_anomalies_route_key" ON "supply_anomalies" USING btree ("tenant_id","kind","route_id") WHERE "supply_anomalies"."route_id" is not null;