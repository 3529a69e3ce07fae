import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { createGroupsService } from './groups.service.ts';
import { telemetryTestKit } from './testing.ts';

// A sensor group end to end: members, training on a window where two sensors move together, then
// buckets where they part ways raise an SPE alarm (and a far excursion a T² one) when swept.

const kit = telemetryTestKit('groups');
/** The sweep's work for one group (the timer calls it every few seconds in a served app). */
const sweep = (groupId: string) =>
  createGroupsService({ db: kit.t.database.db, events: kit.t.runtime.events }).evaluate(kit.acme.id, groupId);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const start = Math.floor((Date.now() - 10 * 3600_000) / 3600_000) * 3600_000;

describe('telemetry sensor groups', () => {
  test('train on correlated readings, then a broken correlation is an SPE alarm', async () => {
    const a = await kit.newSensor('PUMP-FLOW', {
      detection: { spec: false, rules: [], zscore: { enabled: false, window: 60, threshold: 4 } },
    });
    const b = await kit.newSensor('PUMP-POWER', {
      detection: { spec: false, rules: [], zscore: { enabled: false, window: 60, threshold: 4 } },
    });
    const created = await kit.call(kit.s.admin, 'POST', '/sensor-groups', {
      facilityId: kit.acme.facilityId,
      name: 'Pump P-1',
      sensorIds: [a, b],
      alignSeconds: 60,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const groupId = created.body.id as string;
    // 3 hours, one reading per minute: power follows flow (plus a little deterministic wobble).
    const minutes = 180;
    const flow = (i: number) => 100 + 10 * Math.sin(i / 7);
    const power = (i: number) => 2 * flow(i) + Math.cos(i * 1.3);
    const rows = [];
    for (let i = 0; i < minutes; i++) {
      rows.push({ sensorId: a, ts: start + i * 60_000, value: flow(i) });
      rows.push({ sensorId: b, ts: start + i * 60_000, value: power(i) });
    }
    await kit.bulk({ readings: rows });
    const trained = await kit.call(kit.s.admin, 'POST', `/sensor-groups/${groupId}/train`, {
      from: new Date(start).toISOString(),
      to: new Date(start + minutes * 60_000).toISOString(),
    });
    assert.equal(trained.status, 200, JSON.stringify(trained.body));
    assert.equal(trained.body.model.rows, minutes);
    assert.equal(trained.body.evaluatedUntil, new Date(start + minutes * 60_000).toISOString());

    // Normal minutes: swept, nothing raised, the watermark moves up to the last complete minute.
    const next = (i: number, f: number, p: number) => [
      { sensorId: a, ts: start + i * 60_000, value: f },
      { sensorId: b, ts: start + i * 60_000, value: p },
    ];
    await kit.bulk({ readings: [180, 181, 182].flatMap((i) => next(i, flow(i), power(i))) });
    await sweep(groupId);
    let detail = await kit.call(kit.s.viewer, 'GET', `/sensor-groups/${groupId}`);
    assert.equal(detail.body.activeAlarms.length, 0);
    assert.equal(detail.body.group.evaluatedUntil, new Date(start + 182 * 60_000).toISOString());

    // Flow normal, power far below what that flow needs — off the model's plane — for one minute:
    // a bucket is judged by the median of its statistic and the two before it, so nothing yet.
    const broken = (i: number) => next(i, flow(i), power(i) - 25);
    const normal = (i: number) => next(i, flow(i), power(i));
    await kit.bulk({ readings: [...broken(183), ...normal(184), ...normal(185)] });
    await sweep(groupId);
    detail = await kit.call(kit.s.viewer, 'GET', `/sensor-groups/${groupId}`);
    assert.equal(detail.body.activeAlarms.length, 0);
    // Two minutes off the plane, judged in a later sweep (the minutes before the watermark complete
    // the median): an SPE alarm, signalled at 187 and, the median holding, at 188.
    await kit.bulk({
      readings: [186, 187, 188, 189, 190].flatMap((i) => (i < 188 ? broken(i) : normal(i))),
    });
    await sweep(groupId);
    detail = await kit.call(kit.s.viewer, 'GET', `/sensor-groups/${groupId}`);
    assert.deepEqual(
      detail.body.activeAlarms.map((alarm: { rule: string; groupId: string }) => [alarm.rule, alarm.groupId]),
      [['spe', groupId]],
    );
    // Swept again with nothing new: nothing judged twice.
    await sweep(groupId);
    detail = await kit.call(kit.s.viewer, 'GET', `/sensor-groups/${groupId}`);
    assert.equal(detail.body.activeAlarms[0].signalCount, 2);

    // A sweep catching up on a quarter of an hour: the alarm clears at the fifth bucket in limits
    // after its latest signal (193), and two more minutes off the plane (200, 201) open a new one
    // (signalled until 203: the smoothing's median), as sweeps of one minute each would have — not
    // one alarm extended across the gap.
    await kit.bulk({
      readings: range(191, 205).flatMap((i) => (i === 200 || i === 201 ? broken(i) : normal(i))),
    });
    await sweep(groupId);
    const alarms = await queryRows<{
      rule: string;
      status: string;
      opened: number;
      last: number;
      cleared: number | null;
    }>(
      kit.t.database.db,
      sql`select rule, status, extract(epoch from opened_at)::float8 * 1000 as opened,
                 extract(epoch from last_signal_at)::float8 * 1000 as last,
                 extract(epoch from cleared_at)::float8 * 1000 as cleared
          from alarms where group_id = ${groupId} order by opened_at`,
    );
    const minute = (ms: number | null) => (ms === null ? null : (Number(ms) - start) / 60_000);
    assert.deepEqual(
      alarms.map((x) => [x.rule, x.status, minute(x.opened), minute(x.last), minute(x.cleared)]),
      [
        ['spe', 'cleared', 187, 188, 193],
        ['spe', 'open', 201, 203, null],
      ],
    );
    assert.deepEqual(await kit.eventTypesOf(groupId), ['AnomalyDetected', 'AlarmCleared', 'AnomalyDetected']);

    // New members forget the model.
    const c = await kit.newSensor('PUMP-TEMP');
    const reshaped = await kit.call(kit.s.admin, 'PATCH', `/sensor-groups/${groupId}`, {
      sensorIds: [a, b, c],
    });
    assert.equal(reshaped.body.model, null);
  });

  test('members must be sensors of the facility, distinct; training needs enough data', async () => {
    const a = await kit.newSensor('G-A');
    const bad = await kit.call(kit.s.admin, 'POST', '/sensor-groups', {
      facilityId: kit.acme.facilityId,
      name: 'bad',
      sensorIds: [a, a],
    });
    assert.equal(bad.status, 400);
    const b = await kit.newSensor('G-B');
    const group = await kit.call(kit.s.admin, 'POST', '/sensor-groups', {
      facilityId: kit.acme.facilityId,
      name: 'empty',
      sensorIds: [a, b],
    });
    const train = await kit.call(kit.s.admin, 'POST', `/sensor-groups/${group.body.id}/train`, {});
    assert.equal(train.status, 400);
    assert.match(train.body.error.message, /at least/);
  });
});
