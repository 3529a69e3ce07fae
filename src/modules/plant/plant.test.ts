import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Principal, scopesOfRole } from '../../platform/auth/principal.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import type { Subscriber } from '../../platform/realtime/hub.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';
import { createBatchesService } from './batches.service.ts';
import { createLinesService } from './lines.service.ts';

let t: TestApp;
let acme: TestTenant;
const s = {} as Record<'admin' | 'operator' | 'analyst' | 'viewer', TestSession>;

// Yesterday (UTC), so every time of the worked example lies in the past.
const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'plant');
  for (const role of ['admin', 'operator', 'analyst', 'viewer'] as const)
    s[role] = await signIn(t.app, acme.users[role].email);
});
after(() => t?.close());

async function call(
  session: TestSession,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  const res = await t.app.inject({
    method,
    url: `/api/v1/plant-ops${url}`,
    headers: session.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

async function newLine(code: string, since = `${day}T00:00:00.000Z`) {
  const { status, body } = await call(s.admin, 'POST', '/lines', {
    facilityId: acme.facilityId,
    code,
    name: `Line ${code}`,
  });
  assert.equal(status, 201, JSON.stringify(body));
  // The line has been in service since the start of the day (the status history starts there).
  await t.database.db.execute(sql`update production_lines set status_since = ${since} where id = ${body.id}`);
  await t.database.db.execute(
    sql`update line_status_history set started_at = ${since} where line_id = ${body.id}`,
  );
  return body.id as string;
}

async function newBatch(lineId: string, extra: object = {}) {
  const { status, body } = await call(s.operator, 'POST', '/batches', {
    lineId,
    productSku: 'JUICE-1L',
    plannedQuantity: 20_000,
    idealCycleSeconds: 1.0,
    labourRate: 30,
    materialCostPerUnit: 0.2,
    ...extra,
  });
  assert.equal(status, 201, JSON.stringify(body));
  return body.id as string;
}

describe('plant operations', () => {
  test("oee.com's worked example through the API: batch OEE, the OEE report and the Pareto", async () => {
    const shift = await call(s.admin, 'POST', '/shifts', {
      facilityId: acme.facilityId,
      name: 'Day',
      startTime: '06:00',
      endTime: '14:00',
      days: [1, 2, 3, 4, 5, 6, 7],
      breaks: [
        { name: 'Break', start: '08:00', minutes: 15 },
        { name: 'Meal', start: '10:00', minutes: 30 },
        { name: 'Break', start: '12:15', minutes: 15 },
      ],
    });
    assert.equal(shift.status, 201, JSON.stringify(shift.body));
    const lineId = await newLine('OEE');
    const batchId = await newBatch(lineId);
    assert.equal(
      (await call(s.operator, 'POST', `/batches/${batchId}/start`, { at: at('06:00') })).status,
      200,
    );
    const line = await call(s.viewer, 'GET', `/lines/${lineId}`);
    assert.equal(line.body.line.status, 'running', 'an idle line starts running with its batch');
    assert.equal(line.body.currentBatch.id, batchId);
    const down = await call(s.operator, 'POST', `/lines/${lineId}/status`, {
      status: 'down',
      reasonCode: 'BREAKDOWN',
      at: at('07:00'),
    });
    assert.equal(down.status, 200, JSON.stringify(down.body));
    assert.equal(
      (await call(s.operator, 'POST', `/lines/${lineId}/status`, { status: 'running', at: at('07:47') }))
        .status,
      200,
    );
    const computedBefore = t.runtime.compute.completed();
    const done = await call(s.operator, 'POST', `/batches/${batchId}/complete`, {
      goodCount: 19_271 - 423,
      scrapCount: 423,
      labourHours: 16,
      at: at('14:00'),
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    // The OEE was computed in the compute pool's worker thread, not on the event loop.
    assert.equal(t.runtime.compute.completed(), computedBefore + 1);
    const oee = done.body.oee;
    assert.deepEqual(
      [pct(oee.availability), pct(oee.performance), pct(oee.quality), pct(oee.oee)],
      [88.81, 86.11, 97.8, 74.79],
    );
    assert.equal(oee.plannedProductionMinutes, 420);
    assert.equal(oee.unplannedDowntimeMinutes, 47);
    assert.deepEqual(oee.costs, { labour: 480, material: 3854.2, scrap: 84.6 });

    const report = await call(s.viewer, 'GET', `/oee?groupBy=day&from=${day}&to=${day}&lineId=${lineId}`);
    const group = report.body.groups[0];
    assert.equal(group.label, day);
    assert.deepEqual(
      [pct(group.availability), pct(group.performance), pct(group.quality), pct(group.oee)],
      [88.81, 86.11, 97.8, 74.79],
    );
    assert.deepEqual(
      Object.fromEntries(
        Object.entries(group.losses).map(([k, v]) => [k, Math.round((v as number) * 100) / 100]),
      ),
      { availabilityMinutes: 47, performanceMinutes: 51.82, qualityMinutes: 7.05 },
    );
    const byShift = await call(s.viewer, 'GET', `/oee?groupBy=shift&from=${day}&to=${day}&lineId=${lineId}`);
    assert.deepEqual(
      byShift.body.groups.map((g: { label: string }) => g.label),
      ['Day'],
    );

    const pareto = await call(
      s.viewer,
      'GET',
      `/downtime/pareto?lineId=${lineId}&from=${at('00:00')}&to=${at('23:59')}`,
    );
    assert.deepEqual(
      pareto.body.items.map((i: { reasonCode: string; minutes: number; stops: number }) => [
        i.reasonCode,
        i.minutes,
        i.stops,
      ]),
      [['BREAKDOWN', 47, 1]],
    );
    const withPlanned = await call(
      s.viewer,
      'GET',
      `/downtime/pareto?lineId=${lineId}&from=${at('00:00')}&to=${at('23:59')}&includePlanned=true`,
    );
    assert.deepEqual(
      withPlanned.body.items.map((i: { reasonCode: string; minutes: number }) => [
        i.reasonCode,
        Math.round(i.minutes),
      ]),
      [
        ['NO_DEMAND', 360],
        ['BREAKDOWN', 47],
      ],
    );
  });

  test('invalid transitions are refused with 409 and a clear message', async () => {
    const lineId = await newLine('T1');
    const first = await newBatch(lineId);
    const early = await call(s.operator, 'POST', `/batches/${first}/complete`, {
      goodCount: 1,
      scrapCount: 0,
    });
    assert.equal(early.status, 409);
    assert.match(early.body.error.message, /has not started/);
    assert.equal((await call(s.operator, 'POST', `/batches/${first}/start`, {})).status, 200);
    const twice = await call(s.operator, 'POST', `/batches/${first}/start`, {});
    assert.equal(twice.status, 409);
    assert.match(twice.body.error.message, /can start only once/);
    const second = await newBatch(lineId);
    const parallel = await call(s.operator, 'POST', `/batches/${second}/start`, {});
    assert.equal(parallel.status, 409);
    assert.match(parallel.body.error.message, /still running on this line/);
    const removal = await call(s.admin, 'DELETE', `/lines/${lineId}`);
    assert.equal(removal.status, 409);
    assert.match(removal.body.error.message, /cannot be deleted while batches reference it/);
    const emptyLine = await newLine('T2');
    assert.equal((await call(s.admin, 'DELETE', `/lines/${emptyLine}`)).status, 204);
    const unknownReason = await call(s.operator, 'POST', `/lines/${lineId}/status`, {
      status: 'down',
      reasonCode: 'NOPE',
    });
    assert.equal(unknownReason.status, 400);
  });

  test('operators start and complete batches and change line status; viewers and analysts may not', async () => {
    const lineId = await newLine('R1');
    const batchId = await newBatch(lineId);
    for (const who of [s.viewer, s.analyst]) {
      assert.equal((await call(who, 'POST', `/batches/${batchId}/start`, {})).status, 403);
      assert.equal((await call(who, 'POST', `/lines/${lineId}/status`, { status: 'down' })).status, 403);
      assert.equal(
        (
          await call(who, 'POST', '/batches', {
            lineId,
            productSku: 'X',
            plannedQuantity: 1,
            idealCycleSeconds: 1,
          })
        ).status,
        403,
      );
    }
    assert.equal(
      (await call(s.operator, 'POST', `/lines/${lineId}/status`, { status: 'maintenance' })).status,
      200,
    );
    assert.equal((await call(s.operator, 'POST', `/batches/${batchId}/start`, {})).status, 200);
    assert.equal(
      (await call(s.operator, 'POST', `/batches/${batchId}/complete`, { goodCount: 5, scrapCount: 0 }))
        .status,
      200,
    );
    assert.equal(
      (await call(s.operator, 'POST', '/lines', { facilityId: acme.facilityId, code: 'X', name: 'x' }))
        .status,
      403,
    );
  });

  test('events: LineDowntime, BatchCompleted and ScrapDetected are recorded and pushed on the line topic', async () => {
    const lineId = await newLine('E1');
    const pushed: string[] = [];
    const probe: Subscriber = {
      deliver: (_topic, frame) => pushed.push(JSON.parse(String(frame)).event.type),
    };
    t.runtime.realtime.hub.subscribe(probe, acme.id, `line:${lineId}`);
    const batchId = await newBatch(lineId);
    await call(s.operator, 'POST', `/batches/${batchId}/start`, { at: at('06:00') });
    await call(s.operator, 'POST', `/lines/${lineId}/status`, {
      status: 'down',
      reasonCode: 'MATERIAL_SHORTAGE',
      at: at('07:00'),
    });
    await call(s.operator, 'POST', `/lines/${lineId}/status`, { status: 'running', at: at('07:30') });
    // 10 % scrap is above the line's default 5 % threshold.
    await call(s.operator, 'POST', `/batches/${batchId}/complete`, {
      goodCount: 900,
      scrapCount: 100,
      at: at('08:00'),
    });

    const history = await t.app.inject({
      url: `/api/v1/events?aggregateType=batch&aggregateId=${batchId}`,
      headers: s.viewer.headers,
    });
    assert.deepEqual(
      history.json().items.map((e: { type: string }) => e.type),
      ['BatchCreated', 'BatchStarted', 'BatchCompleted', 'ScrapDetected'],
    );
    const scrap = history.json().items.at(-1);
    assert.equal(scrap.data.scrapRate, 0.1);
    assert.equal(scrap.data.threshold, 0.05);
    const lineEvents = await t.app.inject({
      url: `/api/v1/events?aggregateType=line&aggregateId=${lineId}`,
      headers: s.viewer.headers,
    });
    assert.ok(
      lineEvents
        .json()
        .items.some(
          (e: { type: string; data: { reasonCode: string } }) =>
            e.type === 'LineDowntime' && e.data.reasonCode === 'MATERIAL_SHORTAGE',
        ),
    );
    // Pushed live once committed (LISTEN/NOTIFY): every event arrives on the line topic.
    await eventually(
      async () => (pushed.includes('ScrapDetected') ? true : undefined),
      'ScrapDetected pushed',
    );
    for (const type of [
      'BatchCreated',
      'BatchStarted',
      'LineStatusChanged',
      'LineDowntime',
      'BatchCompleted',
      'ScrapDetected',
    ]) {
      assert.ok(pushed.includes(type), `${type} pushed on line:${lineId} (got ${pushed.join(', ')})`);
    }
    t.runtime.realtime.hub.unsubscribe(probe, acme.id, `line:${lineId}`);
  });

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
    const lines = createLinesService({ db: t.database.db, events: t.runtime.events, maxBackdateDays: 31 });
    const batches = createBatchesService({
      db: t.database.db,
      events: t.runtime.events,
      lines,
      compute: t.runtime.compute,
      maxBackdateDays: 31,
      drawCode: () => codes.shift() ?? 'B-NO-MORE',
    });
    const operator: Principal = {
      kind: 'user',
      userId: acme.users.operator.id,
      tenantId: acme.id,
      role: 'operator',
      platformRole: null,
      scopes: scopesOfRole('operator'),
      apiKeyId: null,
      label: acme.users.operator.email,
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
