// The demo tenant's second facility (issue 19), so the facility comparison has two plants to
// compare. On the first start only the facility row is written (a millisecond); everything else is
// the `analytics.demo-second-facility` job, submitted once the workers run: three weeks of plant
// history on its own lines in its own time zone (the plant demo with another layout), and a
// work-order export for each demo facility generated like `plantintel demo workorders` and
// imported through the real path — stored, its columns suggested, saved as a mapping profile,
// uploaded with that profile — whose completion starts the analysis as every import does.
// Pending means: a demo tenant's DEMO-2 facility without production lines and no such job running.
import { Readable } from 'node:stream';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Principal } from '../../../platform/auth/principal.ts';
import { ROLE_SCOPES } from '../../../platform/auth/principal.ts';
import { type Db, type Executor, queryRows } from '../../../platform/db/database.ts';
import { facilities, jobs as jobsTable, memberships } from '../../../platform/db/schema/index.ts';
import { inTenant, readAcrossTenants, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition, Jobs } from '../../../platform/jobs/jobs.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { DEMO_TENANT } from '../../identity/index.ts';
import { type DemoPlantLayout, seedDemoPlant } from '../../plant/index.ts';
import type { HeadReader } from '../file-head.ts';
import type { ImportsService } from '../imports.service.ts';
import type { ProfilesService } from '../profiles.service.ts';
import { renderWorkOrders } from './generate.ts';

export const SECOND_FACILITY_JOB = 'analytics.demo-second-facility';
export const SECOND_FACILITY = { code: 'DEMO-2', name: 'Second plant', timezone: 'America/Chicago' };
const FIRST_FACILITY_CODE = 'DEMO-1';
const PROFILE_NAME = 'Demo SAP order report';

/** The second plant: older, slower lines than the first (the comparison should show it). */
export const SECOND_PLANT: DemoPlantLayout = {
  seed: 20260302,
  timezone: SECOND_FACILITY.timezone,
  lines: [
    {
      code: 'P1',
      name: 'Press line 1',
      oeeTarget: 0.75,
      cycle: 2.4,
      sku: ['BRACKET-A', 'BRACKET-B'],
      materialCostPerUnit: 0.9,
    },
    {
      code: 'P2',
      name: 'Assembly line 2',
      oeeTarget: 0.7,
      cycle: 3,
      sku: ['HINGE-S', 'HINGE-L'],
      materialCostPerUnit: 1.4,
    },
  ],
};

/** Work orders per demo export, and a seed per facility (the same bytes on every start). */
const EXPORT_ROWS = 400;
const EXPORT_SEEDS: Record<string, number> = { [FIRST_FACILITY_CODE]: 1901, [SECOND_FACILITY.code]: 1902 };

export interface SecondFacilityPayload {
  /** Days of plant history (default 21); tests write fewer. */
  days?: number;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'analytics.demo-second-facility': SecondFacilityPayload;
  }
}

/** Writes the facility row when missing; returns its id. The only part of the demo done at start-up. */
export async function addSecondFacility(db: Db, tenantId: string): Promise<string> {
  return inTenant(db, tenantId, async (tx) => {
    await tx
      .insert(facilities)
      .values({ tenantId, ...SECOND_FACILITY })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ id: facilities.id })
      .from(facilities)
      .where(eq(facilities.code, SECOND_FACILITY.code));
    if (!row) throw new Error('the second demo facility could not be written');
    return row.id;
  });
}

/** The tenant's first admin, as whom the demo's profile and imports are made (they name a person). */
async function demoAdmin(tx: Executor, tenantId: string): Promise<Principal> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.role, 'admin'), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!row) throw new Error('the demo tenant has no admin to import as');
  return {
    kind: 'user',
    userId: row.userId,
    tenantId,
    role: 'admin',
    platformRole: null,
    scopes: new Set(ROLE_SCOPES.admin),
    apiKeyId: null,
    label: 'demo seed',
    sessionId: null,
  };
}

export interface SecondFacilityDeps {
  db: Db;
  imports: Pick<ImportsService, 'store' | 'upload'>;
  profiles: Pick<ProfilesService, 'create'>;
  reader: Pick<HeadReader, 'head' | 'suggest'>;
  files: Pick<FileStore, 'localPath'>;
}

/** The facilities (DEMO-1, DEMO-2) that have no import yet, with their ids. */
async function facilitiesWithoutImports(tx: Executor) {
  return queryRows<{ id: string; code: string }>(
    tx,
    sql`select f.id, f.code from facilities f
        where f.code in (${FIRST_FACILITY_CODE}, ${SECOND_FACILITY.code})
          and not exists (select 1 from imports i where i.facility_id = f.id)
        order by f.code`,
  );
}

/** The demo profile's id, made from the first export's suggested mapping when missing. */
async function demoProfile(deps: SecondFacilityDeps, principal: Principal, path: string): Promise<string> {
  const [existing] = await readInTenant(deps.db, principal.tenantId as string, (tx) =>
    queryRows<{ id: string }>(tx, sql`select id from mapping_profiles where name = ${PROFILE_NAME}`),
  );
  if (existing) return existing.id;
  const suggested = deps.reader.suggest(await deps.reader.head(path, { rows: 200 }), []);
  const profile = await deps.profiles.create(principal, {
    name: PROFILE_NAME,
    description: 'Made by the demo from the suggested mapping of its SAP order report',
    erpSystem: 'SAP',
    dataGranularity: suggested.granularity,
    mappings: suggested.mappings,
  });
  return profile.id;
}

async function importWorkOrders(deps: SecondFacilityDeps, principal: Principal) {
  const due = await readInTenant(deps.db, principal.tenantId as string, facilitiesWithoutImports);
  const importIds: string[] = [];
  let profileId: string | undefined;
  for (const facility of due) {
    const seed = EXPORT_SEEDS[facility.code] ?? 1900;
    const { bytes } = renderWorkOrders({ erp: 'sap', rows: EXPORT_ROWS, seed });
    const stored = await deps.imports.store(principal, Readable.from([bytes]));
    profileId ??= await demoProfile(deps, principal, await deps.files.localPath(stored.key));
    const { importId } = await deps.imports.upload(principal, {
      stored,
      fileName: `workorders-${facility.code.toLowerCase()}.csv`,
      facilityId: facility.id,
      profileIds: [profileId],
      onDuplicate: 'mark',
    });
    importIds.push(importId);
  }
  return importIds;
}

export function secondFacilityJob(deps: SecondFacilityDeps): JobDefinition<'analytics.demo-second-facility'> {
  const { db } = deps;
  return {
    name: SECOND_FACILITY_JOB,
    retryLimit: 2,
    retryDelaySeconds: 10,
    timeoutSeconds: 900,
    async run(payload, ctx) {
      const { tenantId } = ctx;
      await ctx.progress(0, 'Second demo facility: writing the facility');
      const facilityId = await addSecondFacility(db, tenantId);
      await ctx.progress(10, 'Second demo facility: three weeks of plant history');
      // Idempotent: a facility with lines is left alone (a retry after this step skips it).
      const plant = await seedDemoPlant(
        db,
        { tenantId, facilityId },
        { layout: SECOND_PLANT, ...(payload.days ? { days: payload.days } : {}) },
      );
      ctx.signal.throwIfAborted();
      await ctx.progress(60, 'Second demo facility: importing work-order exports');
      const principal = await readInTenant(db, tenantId, (tx) => demoAdmin(tx, tenantId));
      const importIds = await importWorkOrders(deps, principal);
      await ctx.progress(100, `Second demo facility: ${plant.batches} batches, ${importIds.length} imports`);
      return { facilityId, lines: plant.lines, batches: plant.batches, importIds };
    },
  };
}

/**
 * Submits the job for every demo tenant whose second facility is pending (it has no lines) and has
 * no such job queued, running or retrying. Returns the job ids.
 */
export async function startSecondFacilityDemo({
  db,
  jobs,
  delayMs = 0,
}: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  /** Start the job this long after submitting it: start-up and the first /health come first. */
  delayMs?: number;
}): Promise<string[]> {
  const pending = await readAcrossTenants(db, (tx) =>
    queryRows<{ tenant_id: string }>(
      tx,
      sql`select f.tenant_id from facilities f join tenants t on t.id = f.tenant_id
          where t.name = ${DEMO_TENANT} and f.code = ${SECOND_FACILITY.code}
            and not exists (select 1 from production_lines l where l.facility_id = f.id)`,
    ),
  );
  const submitted: string[] = [];
  for (const { tenant_id: tenantId } of pending) {
    const [active] = await readInTenant(db, tenantId, (tx) =>
      tx
        .select({ id: jobsTable.id })
        .from(jobsTable)
        .where(
          and(
            eq(jobsTable.name, SECOND_FACILITY_JOB),
            inArray(jobsTable.status, ['queued', 'running', 'retrying']),
          ),
        )
        .limit(1),
    );
    if (active) continue;
    const job = await jobs.submit(
      SECOND_FACILITY_JOB,
      {},
      { tenantId, ...(delayMs > 0 ? { startAfter: new Date(Date.now() + delayMs) } : {}) },
    );
    submitted.push(job.id);
  }
  return submitted;
}
