import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import type { Subscriber } from '../../platform/realtime/hub.ts';
import { deliveryIn, notificationsKit } from './testing.ts';

declare module '../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'test.notify-fails': { reason: string };
  }
}

// In-app notifications with their live unread count, the time-based rules (each condition
// notifies once), and an SMTP server that is down: failed with the reason, nothing else held up.
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const kit = notificationsKit(
  'inbox',
  async () => ({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }),
  (runtime) =>
    runtime.jobs.define({
      name: 'test.notify-fails',
      retryLimit: 0,
      run: async ({ reason }) => {
        throw new Error(reason);
      },
    }),
);

async function inApp(name: string, userIds?: string[]) {
  const res = await kit.call(kit.s.admin, 'POST', '/channels', {
    name,
    kind: 'in_app',
    ...(userIds ? { userIds } : {}),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.channel.id as string;
}

const inboxOf = async (session: (typeof kit.s)['admin'], query = '') =>
  (await kit.call(session, 'GET', `/inbox${query}`)).body;

describe('in-app notifications and time-based rules', () => {
  test('the unread count is pushed live; items are marked read, only by their owner', async () => {
    const pushed: { unread: number; title?: string }[] = [];
    const probe: Subscriber = { deliver: (_t, frame) => pushed.push(JSON.parse(String(frame)).event.data) };
    const adminId = kit.acme.users.admin.id;
    kit.t.runtime.realtime.hub.subscribe(probe, kit.acme.id, `inbox:${adminId}`);
    const principal = (userId: string) => ({
      kind: 'user' as const,
      userId,
      tenantId: kit.acme.id,
      role: 'viewer' as const,
      platformRole: null,
      scopes: new Set(['read' as const]),
      apiKeyId: null,
      label: 'x',
      sessionId: null,
    });
    assert.equal(await kit.t.runtime.realtime.checkTopic(principal(adminId), `inbox:${adminId}`), null);
    assert.equal(
      await kit.t.runtime.realtime.checkTopic(principal(kit.acme.users.viewer.id), `inbox:${adminId}`),
      'not found',
    );

    const channelId = await inApp('Everyone');
    await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Done',
      eventKind: 'analysis.completed',
      channelIds: [channelId],
    });
    for (const name of ['First', 'Second'])
      await kit.record({
        aggregateType: 'analysis',
        aggregateId: crypto.randomUUID(),
        type: 'AnalysisCompleted',
        data: { analysisId: crypto.randomUUID(), name, insightCount: 1, topSeverity: 'low' },
      });
    await eventually(
      async () => (pushed.some((p) => p.unread === 2) ? true : undefined),
      'unread 2 pushed live',
    );
    assert.equal((await kit.call(kit.s.admin, 'GET', '/inbox/unread-count')).body.unread, 2);
    assert.equal((await kit.call(kit.s.viewer, 'GET', '/inbox/unread-count')).body.unread, 2, 'every member');

    const page = await inboxOf(kit.s.admin, '?unread=true');
    assert.equal(page.total, 2);
    assert.match(page.items[0].title, /Second/, 'newest first');
    assert.match(page.items[0].link, /^\/analytics\/analyses\//);
    // The viewer cannot mark the admin's items read: ids of others are ignored.
    const foreign = await kit.call(kit.s.viewer, 'POST', '/inbox/read', { ids: [page.items[0].id] });
    assert.equal(foreign.status, 200);
    assert.equal((await kit.call(kit.s.admin, 'GET', '/inbox/unread-count')).body.unread, 2);
    const read = await kit.call(kit.s.admin, 'POST', '/inbox/read', { ids: [page.items[0].id] });
    assert.equal(read.body.unread, 1);
    await eventually(async () => (pushed.at(-1)?.unread === 1 ? true : undefined), 'unread 1 pushed live');
    const all = await kit.call(kit.s.admin, 'POST', '/inbox/read-all');
    assert.equal(all.body.unread, 0);
    await eventually(async () => (pushed.at(-1)?.unread === 0 ? true : undefined), 'unread 0 pushed live');
    assert.equal((await inboxOf(kit.s.admin)).total, 2, 'read items stay in the inbox');
    kit.t.runtime.realtime.hub.unsubscribe(probe, kit.acme.id, `inbox:${adminId}`);

    // Preferences: a user who opted out of a kind gets no inbox item for it.
    const put = await kit.t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: kit.s.viewer.headers,
      payload: {
        eventKinds: ['job.failed'],
        quietStart: null,
        quietEnd: null,
        timezone: null,
        digest: false,
        digestHour: 7,
      },
    });
    assert.equal(put.statusCode, 200, put.body);
    await kit.record({
      aggregateType: 'analysis',
      aggregateId: crypto.randomUUID(),
      type: 'AnalysisCompleted',
      data: { analysisId: crypto.randomUUID(), name: 'Third', insightCount: 0, topSeverity: null },
    });
    await eventually(
      async () => ((await inboxOf(kit.s.admin)).total === 3 ? true : undefined),
      'the third for the admin',
    );
    assert.equal((await inboxOf(kit.s.viewer)).total, 2, 'not for the viewer, who opted out');
    const bad = await kit.t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: kit.s.viewer.headers,
      payload: {
        eventKinds: null,
        quietStart: '22:00',
        quietEnd: null,
        timezone: 'Mars/Olympus',
        digest: false,
        digestHour: 7,
      },
    });
    assert.equal(bad.statusCode, 400);
  });

  test('an unreachable SMTP server: retried, then failed with the reason; the request was not held up', async () => {
    const res = await kit.call(kit.s.admin, 'POST', '/channels', {
      name: 'Mail',
      kind: 'email',
      recipients: ['ops@plant.test'],
    });
    const started = Date.now();
    const test = await kit.call(kit.s.admin, 'POST', `/channels/${res.body.channel.id}/test`);
    assert.equal(test.status, 202);
    assert.ok(Date.now() - started < 5000, 'answered without waiting on SMTP');
    assert.equal(test.body.deliveries[0].status, 'pending');
    const failed = await deliveryIn(kit, test.body.deliveries[0].id, ['failed']);
    assert.equal(failed.attempts, 3);
    assert.match(failed.lastError, /ECONNREFUSED/);
    assert.ok(
      failed.attemptLog.every((a: { ok: boolean; error: string }) => !a.ok && /ECONNREFUSED/.test(a.error)),
    );
  });

  test('an alarm unacknowledged notifies once, and escalates once to the second list', async () => {
    const first = await inApp('Shift lead', [kit.acme.users.operator.id]);
    const second = await inApp('Plant manager', [kit.acme.users.analyst.id]);
    const rule = await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Unacknowledged',
      eventKind: 'alarm.unacknowledged',
      params: { afterMinutes: 10, escalateAfterMinutes: 20 },
      channelIds: [first],
      escalationChannelIds: [second],
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const now = Date.now();
    const alarmId = await kit.inAcme(async (tx) => {
      const [sensor] = await queryRows<{ id: string }>(
        tx,
        sql`insert into sensors (tenant_id, facility_id, key, name, type, detection)
            values (${kit.acme.id}, ${kit.acme.facilityId}, 'press-temp', 'Press temperature', 'temperature', '{}'::jsonb) returning id`,
      );
      const [alarm] = await queryRows<{ id: string }>(
        tx,
        sql`insert into alarms (tenant_id, sensor_id, facility_id, rule, severity, message, opened_at, last_signal_at)
            values (${kit.acme.id}, ${sensor?.id}, ${kit.acme.facilityId}, 'spec_high', 'critical',
                    'Press temperature above spec', ${new Date(now - 12 * 60_000)}, ${new Date(now)}) returning id`,
      );
      return alarm?.id as string;
    });
    const count = async (session: (typeof kit.s)['admin'], re: RegExp) =>
      (await inboxOf(session)).items.filter((i: { title: string }) => re.test(i.title)).length;
    const operator = await import('../identity/testing.ts').then((m) =>
      m.signIn(kit.t.app, kit.acme.users.operator.email),
    );
    const analyst = await import('../identity/testing.ts').then((m) =>
      m.signIn(kit.t.app, kit.acme.users.analyst.email),
    );

    await kit.evaluate(new Date(now));
    await kit.evaluate(new Date(now + 1000));
    assert.equal(await count(operator, /^Alarm unacknowledged/), 1, 'once, however often evaluated');
    assert.equal(await count(analyst, /Escalation/), 0, 'not escalated yet');
    await Promise.all([kit.evaluate(new Date(now + 19 * 60_000)), kit.evaluate(new Date(now + 19 * 60_000))]);
    assert.equal(await count(analyst, /^Escalation/), 1, 'escalated once after 10 + 20 minutes');
    assert.equal(await count(operator, /Escalation/), 0, 'to the second list only');
    assert.equal(await count(operator, /^Alarm unacknowledged/), 1);
    await kit.inAcme((tx) =>
      tx.execute(sql`update alarms set status = 'acknowledged' where id = ${alarmId}`),
    );
  });

  test('a reject rate over the threshold notifies once per episode', async () => {
    const channelId = await inApp('Quality');
    const rule = await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Rejects',
      eventKind: 'inspection.reject_rate',
      params: { thresholdPercent: 20, windowMinutes: 60, minParts: 5 },
      channelIds: [channelId],
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const now = Date.now();
    const stationId = await kit.inAcme(async (tx) => {
      const [station] = await queryRows<{ id: string }>(
        tx,
        sql`insert into inspection_stations (tenant_id, facility_id, name) values (${kit.acme.id}, ${kit.acme.facilityId}, 'Vision 1') returning id`,
      );
      return station?.id as string;
    });
    const parts = (minutesAgo: number, verdicts: string[]) =>
      kit.inAcme(async (tx) => {
        for (const [i, verdict] of verdicts.entries())
          await tx.execute(sql`insert into inspection_triggers (tenant_id, station_id, part_number, part_serial, ts, verdict)
            values (${kit.acme.id}, ${stationId}, 'P-1', ${`S-${minutesAgo}-${i}`}, ${new Date(now - minutesAgo * 60_000)}, ${verdict})`);
      });
    const rejects = async () =>
      (await inboxOf(kit.s.admin)).items.filter((i: { title: string }) => /^Reject rate/.test(i.title));
    await parts(30, ['pass', 'fail', 'fail', 'pass', 'pass', 'fail']); // 50 %
    await kit.evaluate(new Date(now));
    await kit.evaluate(new Date(now + 60_000));
    const episode = await rejects();
    assert.equal(episode.length, 1, 'once while the rate stays high');
    assert.match(episode[0].title, /50\.0 % at station Vision 1/);
    // An hour later the window holds only passes: the episode ends; a new one notifies again.
    await parts(-50, Array(10).fill('pass'));
    await kit.evaluate(new Date(now + 100 * 60_000));
    assert.equal((await rejects()).length, 1);
    await parts(-110, ['fail', 'fail', 'fail', 'fail', 'fail', 'pass']);
    await kit.evaluate(new Date(now + 120 * 60_000));
    assert.equal((await rejects()).length, 2, 'a second episode');
  });

  test('a failed job notifies once', async () => {
    const channelId = await inApp('Jobs');
    await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Jobs',
      eventKind: 'job.failed',
      channelIds: [channelId],
    });
    const job = await kit.t.runtime.jobs.submit(
      'test.notify-fails',
      { reason: 'disk full' },
      { tenantId: kit.acme.id },
    );
    await eventually(
      async () =>
        (await kit.t.runtime.jobs.get(kit.acme.id, job.id))?.status === 'failed' ? true : undefined,
      'the job to fail',
    );
    await kit.evaluate();
    await kit.evaluate();
    const items = (await inboxOf(kit.s.admin)).items.filter((i: { title: string }) =>
      /test\.notify-fails/.test(i.title),
    );
    assert.equal(items.length, 1);
    assert.match(items[0].body, /disk full/);
  });
});
