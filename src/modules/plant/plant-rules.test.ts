import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Principal, scopesOfRole } from '../../platform/auth/principal.ts';
import { createBatchesService } from './batches.service.ts';
import { createLinesService } from './lines.service.ts';
import { at, plantTestKit } from './testing.ts';

// The plant API’s rules: figures past 100 %, planned stops, time limits, concurrent writes.
const kit = plantTestKit('plant-rules');
const { s, call, newLine, newBatch } = kit;

describe('plant rules', () => {
  test('performance above 100 % is reported and flagged; completed batches keep their figures', async () => {
    const lineId = await newLine('P1');
    const batchId = await newBatch(lineId);
    await call(s.operator, 'POST', `/batches/${batchId}/start`, { at: at('06:00') });
    // One hour inside the Day shift, before its first break: 3,600 pieces is 100 %.
    const done = await call(s.operator, 'POST', `/batches/${batchId}/complete`, {
      goodCount: 4000,
      scrapCount: 0,
      at: at('07:00'),
    });
    assert.ok(done.body.oee.performance > 1);
    assert.equal(done.body.oee.performanceAboveIdeal, true);
    const edit = await call(s.operator, 'PATCH', `/batches/${batchId}`, { idealCycleSeconds: 2 });
    assert.equal(edit.status, 409);
    const notes = await call(s.operator, 'PATCH', `/batches/${batchId}`, {
      notes: 'ideal cycle looks too slow',
    });
    assert.equal(notes.status, 200);
    assert.equal(notes.body.notes, 'ideal cycle looks too slow');
  });

  test('a batch completed wholly in a planned stop keeps its OEE figures, without availability', async () => {
    const lineId = await newLine('PS');
    const batchId = await newBatch(lineId);
    await call(s.operator, 'POST', `/batches/${batchId}/start`, { at: at('09:00') });
    const stop = { status: 'maintenance', reasonCode: 'PLANNED_MAINTENANCE', at: at('09:00') };
    assert.equal((await call(s.operator, 'POST', `/lines/${lineId}/status`, stop)).status, 200);
    const done = await call(s.operator, 'POST', `/batches/${batchId}/complete`, {
      goodCount: 90,
      scrapCount: 10,
      at: at('09:30'),
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    for (const body of [done.body, (await call(s.viewer, 'GET', `/batches/${batchId}`)).body]) {
      assert.ok(body.oee, 'the OEE is there');
      assert.equal(body.oee.availability, null);
      assert.equal(body.oee.totalCount, 100);
      assert.equal(body.oee.quality, 0.9);
    }
  });

  test('plant rules: how far back `at` may go, completed batches are final, planned windows stay ordered', async () => {
    const lineId = await newLine('RULES', new Date(Date.now() - 40 * 86_400_000).toISOString());
    const longAgo = new Date(Date.now() - 32 * 86_400_000).toISOString();
    const tooOld = await call(s.operator, 'POST', `/lines/${lineId}/status`, { status: 'down', at: longAgo });
    assert.equal(tooOld.status, 400);
    assert.match(tooOld.body.error.message, /at most 31 days back/);
    const batchId = await newBatch(lineId);
    assert.equal((await call(s.operator, 'POST', `/batches/${batchId}/start`, { at: longAgo })).status, 400);

    // A batch completed at 09:00; a stop logged afterwards as having happened at 08:00 is refused.
    assert.equal(
      (await call(s.operator, 'POST', `/batches/${batchId}/start`, { at: at('07:00') })).status,
      200,
    );
    const done = await call(s.operator, 'POST', `/batches/${batchId}/complete`, {
      goodCount: 100,
      scrapCount: 0,
      at: at('09:00'),
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const inside = await call(s.operator, 'POST', `/lines/${lineId}/status`, {
      status: 'down',
      at: at('08:00'),
    });
    assert.equal(inside.status, 409);
    assert.match(inside.body.error.message, /OEE is final/);
    assert.equal(
      (await call(s.operator, 'POST', `/lines/${lineId}/status`, { status: 'down', at: at('09:30') })).status,
      200,
    );

    const planned = await newBatch(lineId, { plannedStart: at('10:00'), plannedEnd: at('12:00') });
    const reversed = await call(s.operator, 'PATCH', `/batches/${planned}`, { plannedEnd: at('09:00') });
    assert.equal(reversed.status, 400);
    assert.equal(
      (await call(s.operator, 'PATCH', `/batches/${planned}`, { plannedEnd: at('13:00') })).status,
      200,
    );
  });

  test('two admins adding the same downtime reason at once: one is added, the other gets 409', async () => {
    const reason = { code: 'SAME_TIME', label: 'Same time', planned: false, category: 'other' };
    const answers = await Promise.all([
      call(s.admin, 'POST', '/downtime-reasons', reason),
      call(s.admin, 'POST', '/downtime-reasons', reason),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
  });

  test('a generated batch code that is already taken is drawn again, not refused', async () => {
    const lineId = await newLine('DRAW');
    const codes = ['B-DRAWN-TWICE', 'B-DRAWN-TWICE', 'B-DRAWN-ONCE'];
    const lines = createLinesService({
      db: kit.t.database.db,
      events: kit.t.runtime.events,
      maxBackdateDays: 31,
    });
    const batches = createBatchesService({
      db: kit.t.database.db,
      events: kit.t.runtime.events,
      lines,
      compute: kit.t.runtime.compute,
      maxBackdateDays: 31,
      drawCode: () => codes.shift() ?? 'B-NO-MORE',
    });
    const operator: Principal = {
      kind: 'user',
      userId: kit.acme.users.operator.id,
      tenantId: kit.acme.id,
      role: 'operator',
      platformRole: null,
      scopes: scopesOfRole('operator'),
      apiKeyId: null,
      label: kit.acme.users.operator.email,
      sessionId: null,
    };
    const input = { lineId, productSku: 'SKU-DRAW', plannedQuantity: 1, idealCycleSeconds: 1 };
    const first = await batches.create(operator, input);
    const second = await batches.create(operator, input);
    assert.deepEqual([first.batch.code, second.batch.code], ['B-DRAWN-TWICE', 'B-DRAWN-ONCE']);
    // A code the caller chose is not redrawn: taken → 409.
    const taken = await call(s.operator, 'POST', '/batches', { ...input, code: 'B-DRAWN-ONCE' });
    assert.equal(taken.status, 409);
  });
});
