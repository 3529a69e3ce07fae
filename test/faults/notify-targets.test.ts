// SMTP and webhook targets down: the delivery is queued, its attempts fail with the reason (connection
// refused) and are retried with backoff; once the target listens again (the real SMTP sink in a process
// of its own, a real HTTP server) the delivery is made, once. Complements the notification module's
// tests, which cover targets that answer errors (HTTP 500, 503) rather than not being there at all.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { deliveryIn, notificationsKit } from '../../src/modules/notifications/testing.ts';
import { cleanupList, eventually, freePort, spawnTracked } from './processes.ts';

const SINK = fileURLToPath(new URL('../../scripts/smtp-sink.ts', import.meta.url));
const cleanup = cleanupList();
let smtpPort = 0;
const kit = notificationsKit('faultnotify', async () => {
  smtpPort = await freePort();
  // Enough attempts (1 s, 2 s, 4 s … apart) to outlive the outage of the tests below.
  return { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NOTIFY_MAX_ATTEMPTS: '8', WEBHOOK_DISABLE_AFTER: '20' };
});

/** Waits until the delivery has failed at least once (and is still to be retried). */
async function failedOnce(id: string) {
  return eventually(
    async () => {
      const res = await kit.call(kit.s.admin, 'GET', `/deliveries/${id}`);
      const d = res.body as { status: string; attempts: number; lastError: string | null };
      if (d.status === 'sent' || d.status === 'failed')
        throw new Error(`delivery ${id} is ${d.status} already`);
      return d.attempts >= 1 && d.status === 'retrying' ? d : undefined;
    },
    `delivery ${id} to fail once and wait for its retry`,
    60_000,
  );
}

async function sendTest(channelId: string): Promise<string> {
  const sent = await kit.call(kit.s.admin, 'POST', `/channels/${channelId}/test`);
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  return sent.body.deliveries[0].id as string;
}

describe('notification targets down', () => {
  test('SMTP server down: the mail is retried and sent once the server is back', async () => {
    const channel = await kit.call(kit.s.admin, 'POST', '/channels', {
      name: 'Mail while down',
      kind: 'email',
      recipients: ['ops@faults.test'],
    });
    assert.equal(channel.status, 201, JSON.stringify(channel.body));
    const id = await sendTest(channel.body.channel.id);
    const failing = await failedOnce(id);
    assert.match(String(failing.lastError), /ECONNREFUSED|connect/i);

    const dir = cleanup.tempDir('plantintel-faultmail-');
    const sink = spawnTracked(process.execPath, [SINK, '--port', String(smtpPort), '--json', '--dir', dir]);
    cleanup.add(() => {
      sink.child.kill('SIGTERM');
      return sink.exited;
    });
    const messages: { to: string[]; subject: string }[] = [];
    createInterface({ input: sink.child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const parsed = JSON.parse(line) as { message?: { to: string[]; subject: string } };
      if (parsed.message) messages.push(parsed.message);
    });

    const delivered = await deliveryIn(kit, id, ['sent', 'failed'], 90_000);
    assert.equal(delivered.status, 'sent', JSON.stringify(delivered));
    assert.ok(delivered.attempts >= 2, `retried: ${delivered.attempts} attempts`);
    await eventually(
      async () => (messages.length > 0 ? true : undefined),
      'the sink to log the message',
      30_000,
    );
    assert.equal(messages.filter((m) => m.to.includes('ops@faults.test')).length, 1, 'delivered once');
  });

  test('webhook target down: the POST is retried and made once the target listens', async () => {
    const port = await freePort();
    const channel = await kit.call(kit.s.admin, 'POST', '/channels', {
      name: 'Hook while down',
      kind: 'webhook',
      url: `http://127.0.0.1:${port}/hook`,
    });
    assert.equal(channel.status, 201, JSON.stringify(channel.body));
    const id = await sendTest(channel.body.channel.id);
    const failing = await failedOnce(id);
    assert.match(String(failing.lastError), /ECONNREFUSED|connect|fetch failed/i);

    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(String(req.headers['plantintel-delivery']));
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    cleanup.add(() => new Promise((resolve) => server.close(resolve)));

    const delivered = await deliveryIn(kit, id, ['sent', 'failed'], 90_000);
    assert.equal(delivered.status, 'sent', JSON.stringify(delivered));
    assert.ok(delivered.attempts >= 2, `retried: ${delivered.attempts} attempts`);
    assert.deepEqual(
      received.filter((r) => r === id),
      [id],
      'the target received the delivery once',
    );
  });
});
