import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AlarmFacts, alarmStats, countBy, quantile } from './alarms.stats.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2) + minutes * 60_000);
const alarm = (over: Partial<AlarmFacts>): AlarmFacts => ({
  severity: 'warning',
  status: 'open',
  rule: 'high',
  source: 'Tank 1',
  openedAt: at(0),
  acknowledgedAt: null,
  ...over,
});

test('counts are largest first, ties by key', () => {
  assert.deepEqual(
    countBy(['b', 'a', 'b', 'c', 'a'], (x) => x),
    [
      { key: 'a', count: 2 },
      { key: 'b', count: 2 },
      { key: 'c', count: 1 },
    ],
  );
});

test('quantiles interpolate and are null without values', () => {
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantile([5], 0.9), 5);
  assert.equal(quantile([], 0.5), null);
});

test('time to acknowledge counts acknowledged alarms only, per severity too', () => {
  const stats = alarmStats([
    alarm({ severity: 'critical', status: 'acknowledged', acknowledgedAt: at(4) }),
    alarm({ severity: 'critical', status: 'cleared', acknowledgedAt: at(10) }),
    alarm({ severity: 'warning', status: 'acknowledged', acknowledgedAt: at(30), source: 'Pump 2' }),
    alarm({ severity: 'warning', rule: 'we1', openedAt: at(60 * 24) }),
  ]);
  assert.equal(stats.total, 4);
  assert.deepEqual(stats.bySeverity, [
    { key: 'critical', count: 2 },
    { key: 'warning', count: 2 },
  ]);
  assert.equal(stats.ack.acknowledged, 3);
  assert.equal(stats.ack.medianMinutes, 10);
  assert.equal(stats.ack.maxMinutes, 30);
  assert.equal(stats.ackBySeverity[0]?.meanMinutes, 7);
  assert.equal(stats.ackBySeverity[1]?.acknowledged, 1);
  assert.deepEqual(
    stats.byDay.map((d) => d.key),
    ['2026-11-02', '2026-11-03'],
  );
  assert.deepEqual(alarmStats([]).ack, {
    acknowledged: 0,
    medianMinutes: null,
    meanMinutes: null,
    p90Minutes: null,
    maxMinutes: null,
  });
});
