import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { createTestTenant, type TestTenant } from '../identity/testing.ts';
import { createAnalysesService } from './analyses.service.ts';
import { insertBareImport } from './testing.ts';

// Starting an analysis writes the analysis and its job together: a job queue that refuses the job
// (it is stopping: an import finishing during shutdown) leaves no analysis `processing` for ever.

let database: TestDatabase;
let tenant: TestTenant;
let importId = '';

before(async () => {
  database = await createTestDatabase();
  tenant = await createTestTenant(database.db, 'analyses-start');
  importId = await inTenant(database.db, tenant.id, async (tx) => {
    const row = await insertBareImport(tx, tenant, 'analyses-start', { status: 'completed' });
    return row.id;
  });
});
after(() => database?.dispose());

const analysesOfImport = () =>
  readInTenant(database.db, tenant.id, (tx) =>
    queryRows<{ status: string; job_id: string | null }>(
      tx,
      sql`select status, job_id from analyses where import_id = ${importId}`,
    ),
  );

test('a job queue that refuses the job leaves no analysis behind', async () => {
  const stopped = {
    enqueue: async () => {
      throw new Error('the job queue is not started');
    },
  } as unknown as Pick<Jobs, 'enqueue'>;
  const analyses = createAnalysesService({ db: database.db, jobs: stopped });
  await assert.rejects(analyses.startForImport(tenant.id, importId, null), /the job queue is not started/);
  assert.deepEqual(await analysesOfImport(), []);
});

test('an accepted job is written with its analysis, in the same transaction', async () => {
  let enqueuedFor = '';
  const jobs = {
    enqueue: async (tx: unknown, _name: string, input: { analysisId: string }) => {
      // The analysis is visible to the transaction the job is enqueued in.
      const [row] = await queryRows<{ id: string }>(
        tx as never,
        sql`select id from analyses where id = ${input.analysisId}`,
      );
      enqueuedFor = row?.id ?? '';
      return '00000000-0000-4000-8000-000000000001';
    },
  } as unknown as Pick<Jobs, 'enqueue'>;
  const analyses = createAnalysesService({ db: database.db, jobs });
  const started = await analyses.startForImport(tenant.id, importId, null);
  assert.equal(enqueuedFor, started.id);
  assert.deepEqual(await analysesOfImport(), [
    { status: 'processing', job_id: '00000000-0000-4000-8000-000000000001' },
  ]);
});
