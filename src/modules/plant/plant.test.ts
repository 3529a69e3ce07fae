import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually } from '../../platform/jobs/testing.ts';
import type { Subscriber } from '../../platform/realtime/hub.ts';
import { at, day, pct, plantTestKit } from './testing.ts';

// The plant API end to end: OEE, transitions, roles and events.
const kit = plantTestKit('plant');
const { s, call, newLine, newBatch } = kit;

describe('plant operations', () => {
  test("oee.com's worked example through the API: batch OEE, the OEE report and the Pareto", async () => {
    const shift = await call(s.admin, 'POST', '/shifts', {
      facilityId: kit.acme.facilityId,
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
    const computedBefore = kit.t.runtime.compute.completed();
    const done = await call(s.operator, 'POST', `/batches/${batchId}/complete`, {
      goodCount: 19_271 - 423,
      scrapCount: 423,
      labourHours: 16,
      at: at('14:00'),
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    // The OEE was computed in the compute pool's worker thread, not on the event loop.
    assert.equal(kit.t.runtime.compute.completed(), computedBefore + 1);
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
      (await call(s.operator, 'POST', '/lines', { facilityId: kit.acme.facilityId, code: 'X', name: 'x' }))
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
    kit.t.runtime.realtime.hub.subscribe(probe, kit.acme.id, `line:${lineId}`);
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

    const history = await kit.t.app.inject({
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
    const lineEvents = await kit.t.app.inject({
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
    kit.t.runtime.realtime.hub.unsubscribe(probe, kit.acme.id, `line:${lineId}`);
  });
});
