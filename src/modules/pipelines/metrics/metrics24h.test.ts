import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import { createTestTenant } from '../../identity/testing.ts';
import { pipelineMetrics24h } from './metrics24h.repo.ts';
import { insertRequests } from './requests.repo.ts';
import { requestRecord, seedPipeline, seedWorkspace } from './testing.ts';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(() => db.dispose());

test('24 h figures of each pipeline from its request rows; other tenants and older rows are left out', async () => {
  const a = await createTestTenant(db.db, 'm24a');
  const b = await createTestTenant(db.db, 'm24b');
  const wsA = await seedWorkspace(db.db, a.id, 'Ops', 'automotive');
  const wsB = await seedWorkspace(db.db, b.id, 'Ops', 'automotive');
  const p1 = await seedPipeline(db.db, a.id, wsA, 'p1');
  const idle = await seedPipeline(db.db, a.id, wsA, 'idle');
  const pb = await seedPipeline(db.db, b.id, wsB, 'pb');
  const now = new Date();
  const old = new Date(now.getTime() - 25 * 3600_000);
  await inTenant(db.db, a.id, (tx) =>
    insertRequests(tx, [
      requestRecord(a.id, p1, { latencyMs: 10 }),
      requestRecord(a.id, p1, { latencyMs: 20 }),
      requestRecord(a.id, p1, {
        latencyMs: 30,
        cache: 'exact',
        tokensIn: 0,
        tokensOut: 0,
        costUsd: 0,
        tokensSaved: 150,
        costSavedUsd: 0.001,
      }),
      requestRecord(a.id, p1, { latencyMs: 40, status: 'error', errorCode: 'upstream', cache: 'off' }),
      requestRecord(a.id, p1, { at: old, latencyMs: 1000 }),
    ]),
  );
  await inTenant(db.db, b.id, (tx) => insertRequests(tx, [requestRecord(b.id, pb)]));
  const m = await readInTenant(db.db, a.id, (tx) => pipelineMetrics24h(tx, [p1.id, idle.id, pb.id], now));
  assert.deepEqual(m.get(p1.id), {
    requests: 4,
    cacheHits: 1,
    cacheMisses: 2,
    hitRate: 33.33,
    latencyP50: 25,
    latencyP95: 38.5,
    tokensIn: 300,
    tokensOut: 150,
    costUsd: 0.003,
    costSaved: 0.001,
    tokensSaved: 150,
    errors: 1,
  });
  assert.equal(m.get(idle.id)?.requests, 0);
  assert.equal(m.get(pb.id)?.requests, 0, "another tenant's pipeline shows nothing");
});
