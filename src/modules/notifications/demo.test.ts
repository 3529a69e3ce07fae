import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventually } from '../../platform/jobs/testing.ts';
import { DEMO_MAIL_RECIPIENT, seedDemoNotifications } from './demo.ts';
import { deliveryIn, notificationsKit } from './testing.ts';

describe('demo notifications', () => {
  const kit = notificationsKit('notify-demo');

  test('a finished scheduled run rings every member and mails the plant manager', async () => {
    assert.deepEqual(await seedDemoNotifications(kit.t.database.db, kit.acme.id), { channels: 2, rules: 3 });
    const rules = await kit.call(kit.s.admin, 'GET', '/rules');
    assert.equal(rules.status, 200);
    const kinds = (rules.body.items ?? rules.body).map((r: { eventKind: string }) => r.eventKind).sort();
    assert.deepEqual(kinds, ['analysis.completed', 'schedule.completed', 'schedule.failed']);

    await kit.record({
      aggregateType: 'analysis_schedule',
      aggregateId: '00000000-0000-4000-8000-000000000001',
      type: 'ScheduleRunFailed',
      data: {
        scheduleId: '00000000-0000-4000-8000-000000000001',
        runId: '00000000-0000-4000-8000-000000000002',
        facilityId: kit.acme.facilityId,
        scheduleName: 'Nightly ERP export',
        error: 'The URL answered with an HTML page, not CSV',
      },
    });
    const unread = await eventually(async () => {
      const res = await kit.call(kit.s.viewer, 'GET', '/inbox/unread-count');
      return res.body?.unread > 0 ? res.body.unread : undefined;
    }, 'the viewer to get the notification');
    assert.equal(unread, 1);
    const deliveries = await eventually(async () => {
      const res = await kit.call(kit.s.admin, 'GET', '/deliveries');
      const items = (res.body?.items ?? []) as { recipient?: string; channelName?: string }[];
      return items.length > 0 ? items : undefined;
    }, 'an email delivery');
    assert.ok(
      deliveries.some((d) => JSON.stringify(d).includes(DEMO_MAIL_RECIPIENT)),
      'the email goes to the demo admin',
    );
    // Without SMTP_URL retrying cannot help: the mail fails at once, with the reason, not after 5 tries.
    const mail = deliveries.find((d) => (d as { kind?: string }).kind === 'email') as { id: string };
    const failed = await deliveryIn(kit, mail.id, ['failed']);
    assert.equal(failed.attempts, 1);
    assert.match(failed.lastError, /SMTP is not configured/);
  });
});
