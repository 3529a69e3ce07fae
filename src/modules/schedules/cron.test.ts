import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CronError, dueSlot, nextRuns, validateCron } from './cron.ts';

test('bad expressions and zones are refused with a message that says why', () => {
  assert.throws(() => validateCron('', 'UTC'), /empty/);
  assert.throws(() => validateCron('0 6 * *', 'UTC'), /five fields.*has 4/);
  assert.throws(() => validateCron('*/10 0 6 * * *', 'UTC'), /five fields.*has 6/);
  assert.throws(
    () => validateCron('61 6 * * *', 'UTC'),
    (e) => e instanceof CronError && /does not parse/.test(e.message),
  );
  assert.throws(() => validateCron('0 6 * * *', 'Mars/Olympus'), /Unknown time zone/);
  assert.throws(() => validateCron('@fortnightly', 'UTC'), /Unknown cron macro/);
  assert.equal(validateCron(' 0 6 * * 1-5 ', 'Europe/Berlin'), '0 6 * * 1-5');
  assert.equal(validateCron('@daily', 'UTC'), '@daily');
});

test("occurrences follow the facility's time zone, across a daylight-saving change", () => {
  // 06:00 in Berlin: 05:00Z in winter (CET), 04:00Z in summer (CEST); DST starts 2026-03-29.
  const runs = nextRuns('0 6 * * *', 'Europe/Berlin', new Date('2026-03-27T12:00:00Z'), 3);
  assert.deepEqual(
    runs.map((d) => d.toISOString()),
    ['2026-03-28T05:00:00.000Z', '2026-03-29T04:00:00.000Z', '2026-03-30T04:00:00.000Z'],
  );
});

test('the due slot is the latest occurrence at or before now, once', () => {
  const now = new Date('2026-05-04T06:00:30Z');
  assert.equal(dueSlot('0 * * * *', 'UTC', now, new Date(0))?.toISOString(), '2026-05-04T06:00:00.000Z');
  assert.equal(
    dueSlot('0 * * * *', 'UTC', new Date('2026-05-04T06:00:00Z'), new Date(0))?.toISOString(),
    '2026-05-04T06:00:00.000Z',
  );
  // Nothing due after the point the schedule was last looked at.
  assert.equal(dueSlot('0 * * * *', 'UTC', now, new Date('2026-05-04T06:00:01Z')), null);
});
