import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually } from '../../platform/jobs/testing.ts';
import { SIGNATURE_HEADER, verify } from './signature.ts';
import { deliveryIn, notificationsKit, type Receiver, startReceiver } from './testing.ts';

// Webhooks against a real HTTP server: signed JSON, retries with backoff, the attempt log,
// automatic disable after repeated failures, re-enable and replay.
let receiver: Receiver;
before(async () => {
  receiver = await startReceiver();
});
after(() => receiver.close());
const kit = notificationsKit('hooks', () => ({ WEBHOOK_DISABLE_AFTER: '4' }));

async function newWebhook(name: string) {
  const res = await kit.call(kit.s.admin, 'POST', '/channels', {
    name,
    kind: 'webhook',
    url: receiver.url,
    headers: { 'X-Token': 'abc' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { channel: { id: string }; secret: string };
}

const requestsFor = (deliveryId: string) =>
  receiver.requests.filter((r) => r.headers['plantintel-delivery'] === deliveryId);

describe('webhooks', () => {
  test('a rule’s event is POSTed as signed JSON; the secret is shown once', async () => {
    const { channel, secret } = await newWebhook('Ops hook');
    assert.match(secret, /^whsec_/);
    const shown = await kit.call(kit.s.admin, 'GET', `/channels/${channel.id}`);
    assert.equal(JSON.stringify(shown.body).includes(secret), false, 'the secret is never shown again');
    assert.deepEqual(shown.body.headerNames, ['X-Token'], 'header values are not shown either');

    const rule = await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Schedules failing',
      eventKind: 'schedule.failed',
      channelIds: [channel.id],
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const scheduleId = crypto.randomUUID();
    const runId = crypto.randomUUID();
    await kit.record({
      aggregateType: 'analysis_schedule',
      aggregateId: scheduleId,
      type: 'ScheduleRunFailed',
      data: { scheduleId, runId, facilityId: kit.acme.facilityId, error: 'The URL answered HTML, not CSV' },
    });
    const request = await eventually(
      async () => receiver.requests.find((r) => r.body.includes(runId)),
      'the webhook request',
      30_000,
    );
    const header = String(request.headers[SIGNATURE_HEADER.toLowerCase()]);
    assert.equal(verify(secret, request.body, header), true, 'the signature verifies with the secret');
    assert.equal(verify(`${secret}x`, request.body, header), false);
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['x-token'], 'abc', 'the channel’s own headers are sent');
    const body = JSON.parse(request.body);
    assert.equal(body.type, 'schedule.failed');
    assert.equal(body.data.runId, runId);
    assert.match(body.body, /HTML, not CSV/);

    const deliveryId = String(request.headers['plantintel-delivery']);
    const delivery = await deliveryIn(kit, deliveryId, ['sent']);
    assert.equal(delivery.attempts, 1);
    assert.equal(delivery.attemptLog[0].statusCode, 200);
    assert.equal(delivery.attemptLog[0].ok, true);
    assert.ok(delivery.attemptLog[0].durationMs >= 0);

    // The same event delivered again (a redelivery after a crash) notifies nobody twice.
    const list = await kit.call(
      kit.s.admin,
      'GET',
      `/deliveries?channelId=${channel.id}&eventKind=schedule.failed`,
    );
    assert.equal(list.body.total, 1);
  });

  test('a 500 is retried with growing delays, then failed with its reason; replay delivers it', async () => {
    const { channel } = await newWebhook('Flaky hook');
    receiver.status = 500;
    const sent = await kit.call(kit.s.admin, 'POST', `/channels/${channel.id}/test`);
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    const id = sent.body.deliveries[0].id;
    const failed = await deliveryIn(kit, id, ['failed']);
    assert.equal(failed.attempts, 3, 'NOTIFY_MAX_ATTEMPTS');
    assert.deepEqual(
      failed.attemptLog.map((a: { statusCode: number }) => a.statusCode),
      [500, 500, 500],
    );
    assert.match(failed.lastError, /HTTP 500.*after 3 attempts/);
    const times = requestsFor(id).map((r) => r.at);
    assert.equal(times.length, 3);
    const [a = 0, b = 0, c = 0] = times;
    // Base 1 s, doubling: at least 1 s, then at least 2 s between attempts.
    assert.ok(b - a >= 900, `first retry after ${b - a} ms`);
    assert.ok(c - b >= 1900, `second retry after ${c - b} ms`);

    receiver.status = 200;
    const replay = await kit.call(kit.s.admin, 'POST', `/deliveries/${id}/replay`);
    assert.equal(replay.status, 202, JSON.stringify(replay.body));
    assert.notEqual(replay.body.id, id, 'a new delivery');
    const replayed = await deliveryIn(kit, replay.body.id, ['sent']);
    assert.equal(replayed.notificationId, failed.notificationId, 'of the same notification');
    const again = await kit.call(kit.s.admin, 'POST', `/deliveries/${replay.body.id}/replay`);
    assert.equal(again.status, 202, 'a sent delivery can be replayed too');
    await deliveryIn(kit, again.body.id, ['sent']);
    const pending = await kit.call(kit.s.admin, 'GET', `/deliveries?status=failed&channelId=${channel.id}`);
    assert.equal(pending.body.total, 1);
  });

  test('repeated failures disable the channel with the reason; an admin re-enables it', async () => {
    const { channel } = await newWebhook('Dead hook');
    receiver.status = 503;
    const first = await kit.call(kit.s.admin, 'POST', `/channels/${channel.id}/test`);
    await deliveryIn(kit, first.body.deliveries[0].id, ['failed']);
    const second = await kit.call(kit.s.admin, 'POST', `/channels/${channel.id}/test`);
    const last = await deliveryIn(kit, second.body.deliveries[0].id, ['failed']);
    assert.equal(last.attempts, 1, 'the fourth consecutive failure disables it at once');
    const disabled = await kit.call(kit.s.admin, 'GET', `/channels/${channel.id}`);
    assert.equal(disabled.body.enabled, false);
    assert.equal(disabled.body.consecutiveFailures, 4);
    assert.match(disabled.body.disabledReason, /4 consecutive failed attempts.*HTTP 503/);

    const refused = await kit.call(kit.s.admin, 'POST', `/channels/${channel.id}/test`);
    assert.equal(refused.status, 409);
    const noReplay = await kit.call(kit.s.admin, 'POST', `/deliveries/${last.id}/replay`);
    assert.equal(noReplay.status, 409);

    // A rule still firing into the disabled channel leaves a failed delivery with the reason.
    await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Dead hook rule',
      eventKind: 'schedule.failed',
      channelIds: [channel.id],
    });
    const runId = crypto.randomUUID();
    await kit.record({
      aggregateType: 'analysis_schedule',
      aggregateId: crypto.randomUUID(),
      type: 'ScheduleRunFailed',
      data: { runId, error: 'boom' },
    });
    const visible = await eventually(async () => {
      const res = await kit.call(
        kit.s.admin,
        'GET',
        `/deliveries?channelId=${channel.id}&eventKind=schedule.failed`,
      );
      return res.body.items[0];
    }, 'the failed delivery of the disabled channel');
    assert.equal(visible.status, 'failed');
    assert.match(visible.lastError, /consecutive failed attempts/);

    receiver.status = 200;
    const enabled = await kit.call(kit.s.admin, 'PATCH', `/channels/${channel.id}`, { enabled: true });
    assert.equal(enabled.body.enabled, true);
    assert.equal(enabled.body.consecutiveFailures, 0);
    assert.equal(enabled.body.disabledReason, null);
    const ok = await kit.call(kit.s.admin, 'POST', `/channels/${channel.id}/test`);
    await deliveryIn(kit, ok.body.deliveries[0].id, ['sent']);
  });

  test('channels and rules are for admins, with tight input', async () => {
    assert.equal((await kit.call(kit.s.viewer, 'GET', '/channels')).status, 403);
    assert.equal((await kit.call(kit.s.operator, 'GET', '/deliveries')).status, 403);
    const bad = [
      { name: 'x', kind: 'webhook' },
      { name: 'x', kind: 'webhook', url: 'ftp://example.test/' },
      { name: 'x', kind: 'webhook', url: receiver.url, headers: { 'PlantIntel-Signature': 'forged' } },
      { name: 'x', kind: 'email', recipients: ['not-an-address'] },
      { name: 'x', kind: 'email', recipients: ['a@b.test'], url: receiver.url },
      { name: 'x', kind: 'in_app', userIds: [crypto.randomUUID()] },
      { name: 'x', kind: 'sms' },
    ];
    for (const body of bad) {
      const res = await kit.call(kit.s.admin, 'POST', '/channels', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    const rule = await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'bad',
      eventKind: 'analysis.completed',
      channelIds: [crypto.randomUUID()],
    });
    assert.equal(rule.status, 400, 'an unknown channel');
  });
});
