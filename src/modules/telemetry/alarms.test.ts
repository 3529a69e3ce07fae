import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { MAX_REPLAY_READINGS, MAX_REPLAY_READINGS_PER_BATCH } from './replay.ts';
import { telemetryTestKit } from './testing.ts';

// The alarm lifecycle through the API: readings open an alarm (once per rule), record an
// AnomalyDetected event, a person acknowledges and clears it, and an alarm clears itself once its
// rule has been quiet for the sensor's clear-after time.

const kit = telemetryTestKit('alarms');
const start = Math.floor((Date.now() - 6 * 3600_000) / 60_000) * 60_000;
const at = (seconds: number) => start + seconds * 1000;
const iso = (seconds: number) => new Date(at(seconds)).toISOString();

async function alarmsOf(sensorId: string, status = 'active') {
  const res = await kit.call(kit.s.viewer, 'GET', `/alarms?sensorId=${sensorId}&status=${status}`);
  assert.equal(res.status, 200);
  return res.body.items as {
    id: string;
    rule: string;
    status: string;
    signalCount: number;
    openedAt: string;
  }[];
}

describe('telemetry alarms', () => {
  test('a spec violation opens one alarm per rule, extended by later signals, with an event', async () => {
    const id = await kit.newSensor('ALM-1', { upperSpec: 10, lowerSpec: 0, clearAfterSeconds: 60 });
    const first = await kit.bulk({
      readings: [5, 12, 13].map((value, i) => ({ sensorId: id, ts: at(i), value })),
    });
    assert.equal(first.alarmsOpened, 1);
    const again = await kit.bulk({ readings: [{ sensorId: id, ts: at(3), value: 14 }] });
    assert.equal(again.alarmsOpened, 0);
    const open = await alarmsOf(id);
    assert.equal(open.length, 1);
    assert.deepEqual([open[0]?.rule, open[0]?.status, open[0]?.signalCount], ['spec', 'open', 3]);
    assert.equal(open[0]?.openedAt, new Date(at(1)).toISOString());
    const events = await queryRows<{ n: number }>(
      kit.t.database.db,
      sql`select count(*)::int as n from domain_events where event_type = 'AnomalyDetected' and aggregate_id = ${id}`,
    );
    assert.equal(events[0]?.n, 1);
    const detail = await kit.call(kit.s.viewer, 'GET', `/sensors/${id}`);
    assert.equal(detail.body.activeAlarms.length, 1);
    assert.equal(detail.body.sensor.lastValue, 14);

    // Acknowledge (operator), then not again; a viewer may not.
    const alarmId = open[0]?.id as string;
    assert.equal((await kit.call(kit.s.viewer, 'POST', `/alarms/${alarmId}/acknowledge`, {})).status, 403);
    const ack = await kit.call(kit.s.operator, 'POST', `/alarms/${alarmId}/acknowledge`, {
      note: 'checking the chiller',
    });
    assert.equal(ack.status, 200);
    assert.deepEqual(
      [ack.body.status, ack.body.ackNote, ack.body.acknowledgedBy],
      ['acknowledged', 'checking the chiller', kit.acme.users.operator.id],
    );
    assert.equal((await kit.call(kit.s.operator, 'POST', `/alarms/${alarmId}/acknowledge`, {})).status, 409);

    // Quiet for less than the clear-after time: still active; past it: cleared by itself.
    await kit.bulk({ readings: [{ sensorId: id, ts: at(30), value: 5 }] });
    assert.equal((await alarmsOf(id)).length, 1);
    await kit.bulk({ readings: [{ sensorId: id, ts: at(64), value: 5 }] });
    assert.equal((await alarmsOf(id)).length, 0);
    const cleared = await alarmsOf(id, 'cleared');
    assert.equal(cleared.length, 1);
    // A new violation opens a new alarm.
    const third = await kit.bulk({ readings: [{ sensorId: id, ts: at(100), value: 20 }] });
    assert.equal(third.alarmsOpened, 1);
    const reopened = await alarmsOf(id);
    assert.notEqual(reopened[0]?.id, alarmId);

    // Cleared by hand, with who and a note.
    const clear = await kit.call(kit.s.operator, 'POST', `/alarms/${reopened[0]?.id}/clear`, {
      note: 'sensor replaced',
    });
    assert.equal(clear.status, 200);
    assert.deepEqual(
      [clear.body.status, clear.body.clearNote, clear.body.clearedBy],
      ['cleared', 'sensor replaced', kit.acme.users.operator.id],
    );
    assert.equal(
      (await kit.call(kit.s.operator, 'POST', `/alarms/${reopened[0]?.id}/clear`, {})).status,
      409,
    );
  });

  test('SPC rules against learned limits raise their own alarms; a switched-off rule stays silent', async () => {
    const id = await kit.newSensor('ALM-SPC', {
      detection: {
        rules: ['we1', 'we4'],
        baselineCount: 20,
        zscore: { enabled: false, window: 60, threshold: 4 },
      },
    });
    const baseline = Array.from({ length: 20 }, (_, i) => ({
      sensorId: id,
      ts: at(i),
      value: i % 2 ? 5.1 : 4.9,
    }));
    await kit.bulk({ readings: baseline });
    const learned = await kit.call(kit.s.viewer, 'GET', `/sensors/${id}`);
    assert.equal(learned.body.sensor.controlLimits.source, 'baseline');
    assert.ok(Math.abs(learned.body.sensor.controlLimits.center - 5) < 1e-9);
    // Eight readings slightly above the center: a run (we4), never beyond 3σ (we1).
    const run = Array.from({ length: 8 }, (_, i) => ({ sensorId: id, ts: at(20 + i), value: 5.05 }));
    const result = await kit.bulk({ readings: run });
    assert.equal(result.alarmsOpened, 1);
    assert.deepEqual(
      (await alarmsOf(id)).map((a) => a.rule),
      ['we4'],
    );
    // Switch we4 off and set limits by hand: nothing new from a longer run.
    const patch = await kit.call(kit.s.admin, 'PATCH', `/sensors/${id}`, {
      detection: { rules: ['we1'] },
      controlLimits: { center: 5, sigma: 0.2 },
    });
    assert.equal(patch.status, 200);
    assert.deepEqual(patch.body.controlLimits, { center: 5, sigma: 0.2, source: 'manual' });
    const more = await kit.bulk({
      readings: Array.from({ length: 10 }, (_, i) => ({ sensorId: id, ts: at(40 + i), value: 5.05 })),
    });
    assert.equal(more.alarmsOpened, 0);
  });

  test('the alarms list filters and paginates', async () => {
    const all = await kit.call(kit.s.viewer, 'GET', '/alarms?status=cleared&limit=1');
    assert.equal(all.status, 200);
    assert.equal(all.body.items.length, 1);
    assert.equal(all.body.total, 2);
    const second = await kit.call(kit.s.viewer, 'GET', '/alarms?status=cleared&limit=1&offset=1');
    assert.notEqual(second.body.items[0].id, all.body.items[0].id);
    const critical = await kit.call(kit.s.viewer, 'GET', '/alarms?severity=critical&status=cleared');
    assert.ok(
      critical.body.items.every(
        (a: { severity: string; status: string }) => a.severity === 'critical' && a.status === 'cleared',
      ),
    );
    assert.equal((await kit.call(kit.s.viewer, 'GET', '/alarms?status=bogus')).status, 400);
    const summary = await kit.call(kit.s.viewer, 'GET', '/alarms/summary');
    assert.deepEqual(summary.body, { open: 1, acknowledged: 0, critical: 0, warning: 1 });
  });

  // After the list test, which counts the alarms of this file.
  test('late readings within the replay window are judged in timestamp order; older ones get spec and rule 1', async () => {
    const id = await kit.newSensor('ALM-LATE', {
      upperSpec: 10,
      clearAfterSeconds: 3600,
      detection: { rules: ['we1', 'we4'], anomaly: { enabled: false, threshold: 2 } },
      controlLimits: { center: 5, sigma: 0.2 },
    });
    const above = (seconds: number) => ({ sensorId: id, ts: at(seconds), value: 5.05 });
    const marks = async () => {
      const [row] = await queryRows<{ checkpoint_ts: number | null; pending_ts: number | null }>(
        kit.t.database.db,
        sql`select checkpoint_ts, pending_ts from sensor_state where sensor_id = ${id}`,
      );
      return row;
    };
    assert.deepEqual(await marks(), { checkpoint_ts: Number.NEGATIVE_INFINITY, pending_ts: null });
    // Seven of eight readings above the center line, the fourth missing: no run yet.
    assert.equal((await kit.bulk({ readings: [0, 1, 2].map(above) })).alarmsOpened, 0);
    assert.equal((await kit.bulk({ readings: [4, 5, 6, 7].map(above) })).alarmsOpened, 0);
    assert.deepEqual(await marks(), { checkpoint_ts: Number.NEGATIVE_INFINITY, pending_ts: at(2) });
    // The fourth arrives late: replayed in order, it completes the run (Western Electric 4) at 7 s.
    assert.equal((await kit.bulk({ readings: [above(3)] })).alarmsOpened, 1);
    const [run] = await alarmsOf(id);
    assert.deepEqual([run?.rule, run?.openedAt, run?.signalCount], ['we4', new Date(at(7)).toISOString(), 1]);

    // Ten minutes on, the states rotate (checkpoint ← the state at 2 s); a late 8 s in the same
    // batch extends the run, replayed from that checkpoint.
    await kit.bulk({ readings: [{ sensorId: id, ts: at(700), value: 5 }] });
    await kit.bulk({ readings: [{ sensorId: id, ts: at(1300), value: 5 }, above(8)] });
    assert.deepEqual(await marks(), { checkpoint_ts: at(2), pending_ts: at(700) });
    const [extended] = await alarmsOf(id);
    assert.deepEqual([extended?.id, extended?.signalCount], [run?.id, 2]);

    // Beyond the window (older than the checkpoint, now at 700 s): rule 1 and the spec still judge it.
    const far = await kit.bulk({
      readings: [
        { sensorId: id, ts: at(1900), value: 5 },
        { sensorId: id, ts: at(100), value: 11 },
      ],
    });
    assert.deepEqual(await marks(), { checkpoint_ts: at(700), pending_ts: at(1300) });
    assert.equal(far.alarmsOpened, 2);
    assert.deepEqual((await alarmsOf(id)).map((a) => a.rule).sort(), ['spec', 'we1', 'we4']);
  });

  test('a window holding more stored readings than a replay may read is not replayed', async () => {
    const id = await kit.newSensor('ALM-LONG', {
      clearAfterSeconds: 3600,
      detection: { rules: ['we4'], anomaly: { enabled: false, threshold: 2 } },
      controlLimits: { center: 5, sigma: 0.2 },
    });
    // MAX_REPLAY_READINGS + 1 readings after the new sensor's checkpoint (its empty state), the
    // last ones above the center line but for a gap a late reading would fill to make a run of 8.
    const n = MAX_REPLAY_READINGS + 1;
    const gap = n - 4;
    const readings = Array.from({ length: n }, (_, i) => ({
      sensorId: id,
      ts: start + i * 100,
      value: i >= n - 8 ? 5.05 : (n - i) % 2 ? 4.9 : 5.1,
    })).filter((_, i) => i !== gap);
    assert.equal((await kit.bulk({ readings })).alarmsOpened, 0);
    const late = await kit.bulk({ readings: [{ sensorId: id, ts: start + gap * 100, value: 5.05 }] });
    assert.deepEqual([late.accepted, late.alarmsOpened], [1, 0]);
    // That batch made the first pending state (the state after the readings); the next late one
    // finds the same long window, is not replayed either, and rotates at once: the window starts
    // again at the newest reading.
    const newest = start + (n - 1) * 100;
    const marks = async () =>
      (
        await queryRows<{ checkpoint_ts: number; pending_ts: number }>(
          kit.t.database.db,
          sql`select checkpoint_ts, pending_ts from sensor_state where sensor_id = ${id}`,
        )
      )[0];
    assert.deepEqual(await marks(), { checkpoint_ts: Number.NEGATIVE_INFINITY, pending_ts: newest });
    await kit.bulk({ readings: [{ sensorId: id, ts: start + 50, value: 5 }] });
    assert.deepEqual(await marks(), { checkpoint_ts: newest, pending_ts: newest });
  });

  test("a batch's replays share one budget of stored readings: sensors past it are not replayed", async () => {
    // Each sensor's window holds `perSensor` readings, a gap in its final run that a late reading fills.
    const perSensor = Math.floor(MAX_REPLAY_READINGS_PER_BATCH / 5.5);
    const ids: string[] = [];
    for (let s = 0; s < 6; s++) {
      const id = await kit.newSensor(`ALM-BUDGET-${s}`, {
        clearAfterSeconds: 3600,
        detection: { rules: ['we4'], anomaly: { enabled: false, threshold: 2 } },
        controlLimits: { center: 5, sigma: 0.2 },
      });
      ids.push(id);
      const readings = Array.from({ length: perSensor }, (_, i) => ({
        sensorId: id,
        ts: start + i * 100,
        value: i >= perSensor - 8 ? 5.05 : (perSensor - i) % 2 ? 4.9 : 5.1,
      })).filter((_, i) => i !== perSensor - 4);
      assert.equal((await kit.bulk({ readings })).alarmsOpened, 0);
    }
    const late = await kit.bulk({
      readings: ids.map((sensorId) => ({ sensorId, ts: start + (perSensor - 4) * 100, value: 5.05 })),
    });
    // Five windows fit in the budget, the sixth does not.
    assert.deepEqual([late.accepted, late.alarmsOpened], [6, 5]);
    const opened = await Promise.all(ids.map(async (id) => (await alarmsOf(id)).length));
    assert.deepEqual(opened.toSorted(), [0, 1, 1, 1, 1, 1]);
    // The sixth's late reading is remembered as judged without a replay; its next batch replays it.
    const sixth = ids[opened.indexOf(0)] as string;
    const next = await kit.bulk({ readings: [{ sensorId: sixth, ts: start + perSensor * 100, value: 5 }] });
    assert.equal(next.alarmsOpened, 1);
    assert.deepEqual(
      (await alarmsOf(sixth)).map((a) => [a.rule, a.openedAt]),
      [['we4', new Date(start + (perSensor - 1) * 100).toISOString()]],
    );
  });

  test('the same readings open and clear the same alarms however they are batched', async () => {
    // A fault, three minutes of normal readings, another fault: with a clear-after time of 60 s the
    // first alarm clears at the first reading 60 s after its signal, and the second fault opens a
    // new one — sent at once, in two requests, or one reading per request.
    const series = [
      { s: 0, value: 12 },
      ...Array.from({ length: 19 }, (_, i) => ({ s: 10 + i * 10, value: 5 })),
      { s: 200, value: 13 },
      { s: 210, value: 5 },
    ];
    const batchings = { once: [series.length], twice: [1, series.length], each: series.map((_, i) => i + 1) };
    for (const [name, cuts] of Object.entries(batchings)) {
      const id = await kit.newSensor(`ALM-EP-${name}`, {
        upperSpec: 10,
        lowerSpec: 0,
        clearAfterSeconds: 60,
        detection: {
          rules: [],
          zscore: { enabled: false, window: 60, threshold: 4 },
          anomaly: { enabled: false, threshold: 2 },
        },
      });
      let opened = 0;
      let from = 0;
      for (const to of cuts) {
        const readings = series.slice(from, to).map((r) => ({ sensorId: id, ts: at(r.s), value: r.value }));
        opened += (await kit.bulk({ readings })).alarmsOpened;
        from = to;
      }
      const res = await kit.call(kit.s.viewer, 'GET', `/alarms?sensorId=${id}`);
      const alarms = (res.body.items as Record<string, unknown>[])
        .map((a) => [a.rule, a.openedAt, a.lastSignalAt, a.signalCount, a.status, a.clearedAt])
        .reverse();
      assert.deepEqual(
        alarms,
        [
          ['spec', iso(0), iso(0), 1, 'cleared', iso(60)],
          ['spec', iso(200), iso(200), 1, 'open', null],
        ],
        name,
      );
      assert.equal(opened, 2, name);
      // In reading time: the first alarm's clear before the second one's opening.
      assert.deepEqual(
        await kit.eventTypesOf(id),
        ['AnomalyDetected', 'AlarmCleared', 'AnomalyDetected'],
        name,
      );
    }
  });
});
