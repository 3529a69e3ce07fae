// The nightly refit. pg-boss's cron scheduler polls its schedule table every few seconds, which
// the platform turned off to let an idle server idle (issue 10); the hourly maintenance pass asks
// instead: every tenant with inventory whose refit hour (UTC) has passed today and that was not
// refit since gets a training job. `supply_settings.nightly_refit = false` opts a tenant out.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../platform/db/database.ts';
import { supplySettings } from '../../../platform/db/schema/index.ts';
import { acrossTenants, inTenant } from '../../../platform/db/scope.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { FORECAST_MODEL } from './registry.service.ts';

/** The tenants whose nightly refit is due at `now`. */
export async function tenantsDueForRefit(db: Db, now: Date): Promise<string[]> {
  const rows = await acrossTenants(db, (tx) =>
    queryRows<{ tenant_id: string }>(
      tx,
      sql`/* tenantsDueForRefit */
      select t.tenant_id
        from (select distinct tenant_id from supply_inventory) t
        left join supply_settings s on s.tenant_id = t.tenant_id
       where coalesce(s.nightly_refit, true)
         and ${now}::timestamptz >= date_trunc('day', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC'
                                  + make_interval(hours => coalesce(s.refit_hour, 2))
         and (s.last_refit_at is null
              or s.last_refit_at < date_trunc('day', ${now}::timestamptz at time zone 'UTC') at time zone 'UTC'
                                  + make_interval(hours => coalesce(s.refit_hour, 2)))`,
    ),
  );
  return rows.map((r) => r.tenant_id);
}

/** Submits the due refits; returns how many. Marks each tenant so the next pass skips it. */
export async function submitNightlyRefits(
  db: Db,
  jobs: Pick<Jobs, 'submit'>,
  now = new Date(),
): Promise<number> {
  const due = await tenantsDueForRefit(db, now);
  for (const tenantId of due) {
    await jobs.submit('supply.train', { modelName: FORECAST_MODEL, trigger: 'nightly' }, { tenantId });
    await inTenant(db, tenantId, (tx) =>
      tx
        .insert(supplySettings)
        .values({ tenantId, lastRefitAt: now })
        .onConflictDoUpdate({ target: supplySettings.tenantId, set: { lastRefitAt: now, updatedAt: now } }),
    );
  }
  return due.length;
}
