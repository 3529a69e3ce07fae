import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { digestDue, localTime, quietUntil } from './quiet-hours.ts';

describe('quiet hours and digests in local time', () => {
  test('local time follows the zone, with its offset', () => {
    assert.deepEqual(localTime(new Date('2026-01-15T23:30:00Z'), 'Europe/Berlin'), {
      date: '2026-01-16',
      minutes: 30,
    });
  });

  test('quiet hours that wrap midnight hold until their end, in the zone', () => {
    const zone = 'Europe/Berlin'; // UTC+1 in January
    // 23:10 local: quiet until 06:00 local = 05:00 UTC the next day.
    assert.equal(
      quietUntil(new Date('2026-01-15T22:10:20Z'), zone, '22:00', '06:00')?.toISOString(),
      '2026-01-16T05:00:00.000Z',
    );
    // 05:59 local: one minute left.
    assert.equal(
      quietUntil(new Date('2026-01-16T04:59:00Z'), zone, '22:00', '06:00')?.toISOString(),
      '2026-01-16T05:00:00.000Z',
    );
    assert.equal(quietUntil(new Date('2026-01-16T05:00:00Z'), zone, '22:00', '06:00'), null, 'at the end');
    assert.equal(quietUntil(new Date('2026-01-16T12:00:00Z'), zone, '22:00', '06:00'), null, 'midday');
    assert.equal(
      quietUntil(new Date('2026-01-16T12:00:00Z'), zone, '12:00', '13:00'),
      null,
      '13:00 local: over',
    );
    assert.equal(
      quietUntil(new Date('2026-01-16T11:30:00Z'), zone, '12:00', '13:00')?.toISOString(),
      '2026-01-16T12:00:00.000Z',
      'a daytime window',
    );
    assert.equal(quietUntil(new Date(), zone, null, null), null, 'no quiet hours');
    assert.equal(quietUntil(new Date(), zone, '08:00', '08:00'), null, 'empty window');
  });

  test('the digest is due once per local day, after its hour', () => {
    const zone = 'America/New_York'; // UTC-5 in January
    const morning = new Date('2026-01-15T12:30:00Z'); // 07:30 local
    assert.equal(digestDue(morning, zone, 8, null), false, 'before 08:00 local');
    assert.equal(digestDue(morning, zone, 7, null), true);
    assert.equal(digestDue(morning, zone, 7, new Date('2026-01-15T12:10:00Z')), false, 'already sent today');
    assert.equal(
      digestDue(morning, zone, 7, new Date('2026-01-15T04:00:00Z')),
      true,
      'sent yesterday, local',
    );
  });
});
