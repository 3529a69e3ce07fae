import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import PDFDocument from 'pdfkit';
import { eventually } from '../../platform/jobs/testing.ts';
import { deliverJob } from './deliver.job.ts';
import { insertDelivery, insertNotification } from './deliveries.repo.ts';
import { deliveryIn, notificationsKit, type SmtpSink, startSmtpSink } from './testing.ts';

// Email against a real SMTP server (scripts/smtp-sink.ts) running in its own process.
let sink: SmtpSink;
const kit = notificationsKit('mail', async () => {
  sink = await startSmtpSink();
  return { SMTP_URL: sink.url, SMTP_FROM: 'PlantIntel <alerts@plant.test>' };
});
after(() => sink?.stop());

const pdfBytes = () =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Analysis report');
    doc.end();
  });

async function emailChannel(name: string, recipients: string[]) {
  const res = await kit.call(kit.s.admin, 'POST', '/channels', { name, kind: 'email', recipients });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.channel.id as string;
}

const completed = (analysisId: string, name: string) =>
  kit.record({
    aggregateType: 'analysis',
    aggregateId: analysisId,
    type: 'AnalysisCompleted',
    data: { analysisId, facilityId: kit.acme.facilityId, name, insightCount: 7, topSeverity: 'high' },
  });

describe('email notifications', () => {
  test('an analysis completion mails every recipient, HTML and text', async () => {
    const channelId = await emailChannel('Managers', [kit.acme.users.admin.email, 'outside@partner.test']);
    const rule = await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Analyses done',
      eventKind: 'analysis.completed',
      channelIds: [channelId],
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const analysisId = crypto.randomUUID();
    await completed(analysisId, 'Press line March');
    for (const to of [kit.acme.users.admin.email, 'outside@partner.test']) {
      const mail = await sink.next(
        (m) => m.to.includes(to) && m.subject.includes('Press line March'),
        `mail to ${to}`,
      );
      assert.equal(mail.subject, '[PlantIntel] Analysis "Press line March" completed: 7 insights');
      assert.deepEqual(mail.to, [to]);
      assert.equal(mail.from, 'alerts@plant.test');
      assert.match(mail.text, /finished with 7 insights \(the most severe: high\)/);
      assert.match(mail.text, new RegExp(`/analytics/analyses/${analysisId}`));
      assert.match(mail.html, /<h2[^>]*>Analysis &quot;Press line March&quot; completed: 7 insights<\/h2>/);
      assert.deepEqual(mail.attachments, [], 'no such analysis to render: sent without the PDF');
    }
    const log = await kit.call(kit.s.admin, 'GET', `/deliveries?channelId=${channelId}`);
    assert.equal(log.body.total, 2);
    await deliveryIn(kit, log.body.items[0].id, ['sent']);
  });

  test('the analysis PDF from the reports module is attached', async () => {
    const channelId = await emailChannel('Report readers', ['reader@partner.test']);
    const pdf = await pdfBytes();
    const analysisId = crypto.randomUUID();
    // A delivery written the way the fan-out writes it, run by the delivery job given a PDF source.
    const deliveryId = await kit.inAcme(async (tx) => {
      const n = await insertNotification(tx, {
        tenantId: kit.acme.id,
        eventKind: 'analysis.completed',
        dedupeKey: `attach:${analysisId}`,
        title: 'Analysis "Kiln" completed: 3 insights',
        body: 'The analysis "Kiln" has finished with 3 insights.',
        data: { analysisId },
      });
      assert.ok(n);
      const d = await insertDelivery(tx, {
        tenantId: kit.acme.id,
        notificationId: n.id,
        channelId,
        kind: 'email',
        recipient: 'reader@partner.test',
        status: 'pending',
      });
      return d.id;
    });
    const asked: string[] = [];
    const job = deliverJob({
      db: kit.t.database.db,
      jobs: kit.t.runtime.jobs,
      logger: kit.t.app.log,
      settings: {
        smtpUrl: sink.url,
        smtpFrom: 'alerts@plant.test',
        timeoutMs: 10_000,
        maxAttempts: 3,
        retryBaseSeconds: 1,
        disableAfter: 10,
        webhookTimeoutMs: 5000,
      },
      analysisPdf: async (tenantId, id) => {
        asked.push(`${tenantId}/${id}`);
        return pdf;
      },
    });
    await job.run(
      { deliveryId },
      {
        jobId: crypto.randomUUID(),
        tenantId: kit.acme.id,
        attempt: 1,
        signal: new AbortController().signal,
        progress: async () => {},
        complete: async () => undefined,
      },
    );
    assert.deepEqual(asked, [`${kit.acme.id}/${analysisId}`]);
    const mail = await sink.next((m) => m.to.includes('reader@partner.test'), 'the mail with the PDF');
    assert.equal(mail.subject, '[PlantIntel] Analysis "Kiln" completed: 3 insights');
    assert.equal(mail.attachments.length, 1);
    assert.equal(mail.attachments[0]?.contentType, 'application/pdf');
    assert.equal(mail.attachments[0]?.size, pdf.length);
    assert.equal(mail.attachments[0]?.head.slice(0, 5), '%PDF-');
    assert.match(mail.attachments[0]?.filename ?? '', /^analysis-.*\.pdf$/);
    await deliveryIn(kit, deliveryId, ['sent']);
  });

  test('quiet hours hold an email until they end', async () => {
    // Start with at least 15 s left in the minute, so the window below ends in under a minute.
    await eventually(
      async () => (new Date().getUTCSeconds() < 45 ? true : undefined),
      'a fresh minute',
      30_000,
    );
    const now = new Date();
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const prefs = await kit.t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: kit.s.operator.headers,
      payload: {
        eventKinds: null,
        quietStart: hhmm(new Date(now.getTime() - 3_600_000)),
        quietEnd: hhmm(new Date(now.getTime() + 60_000)),
        timezone: 'UTC',
        digest: false,
        digestHour: 7,
      },
    });
    assert.equal(prefs.statusCode, 200, prefs.body);
    const channelId = await emailChannel('Night shift', [kit.acme.users.operator.email]);
    await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Night',
      eventKind: 'analysis.completed',
      channelIds: [channelId],
    });
    await completed(crypto.randomUUID(), 'Night run');
    const held = await eventually(async () => {
      const res = await kit.call(kit.s.admin, 'GET', `/deliveries?channelId=${channelId}`);
      return res.body.items[0];
    }, 'the held delivery');
    assert.equal(held.status, 'held');
    const until = new Date(held.holdUntil).getTime();
    assert.equal(until % 60_000, 0, 'until the minute the quiet hours end');
    assert.ok(until > Date.now() - 1000 && until <= now.getTime() + 60_000);
    const mail = await sink.next((m) => m.subject.includes('Night run'), 'the held mail after quiet hours');
    assert.ok(mail);
    const sent = await deliveryIn(kit, held.id, ['sent'], 90_000);
    assert.ok(new Date(sent.sentAt).getTime() >= until, 'not before the quiet hours ended');
  });

  test('a daily digest replaces single mails, once a day', async () => {
    const prefs = await kit.t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: kit.s.viewer.headers,
      payload: {
        eventKinds: ['analysis.completed'],
        quietStart: null,
        quietEnd: null,
        timezone: 'Europe/Berlin',
        digest: true,
        digestHour: 0,
      },
    });
    assert.equal(prefs.statusCode, 200, prefs.body);
    assert.equal(prefs.json().effectiveTimezone, 'Europe/Berlin');
    const channelId = await emailChannel('Digest readers', [kit.acme.users.viewer.email]);
    await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Digest',
      eventKind: 'analysis.completed',
      channelIds: [channelId],
    });
    await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Severe',
      eventKind: 'insight.severity',
      params: { minSeverity: 'medium' },
      channelIds: [channelId],
    });
    await completed(crypto.randomUUID(), 'Digest A');
    await completed(crypto.randomUUID(), 'Digest B');
    const held = await eventually(async () => {
      const res = await kit.call(kit.s.admin, 'GET', `/deliveries?channelId=${channelId}&status=digest`);
      return res.body.total === 2 ? res.body.items : undefined;
    }, 'two deliveries waiting for the digest');
    assert.ok(
      held.every((d: { eventKind: string }) => d.eventKind === 'analysis.completed'),
      'the viewer opted out of insight mails',
    );
    await kit.evaluate();
    const digest = await sink.next((m) => m.subject.includes('Daily digest'), 'the digest mail');
    assert.equal(digest.subject, '[PlantIntel] Daily digest: 2 notifications');
    assert.deepEqual(digest.to, [kit.acme.users.viewer.email]);
    assert.match(digest.text, /Digest A/);
    assert.match(digest.text, /Digest B/);
    assert.equal(
      sink.messages.filter((m) => m.to.includes(kit.acme.users.viewer.email) && /Digest [AB]/.test(m.subject))
        .length,
      0,
      'no single mails to the viewer',
    );
    const digested = await kit.call(kit.s.admin, 'GET', `/deliveries?channelId=${channelId}&status=digested`);
    assert.equal(digested.body.total, 2);
    await completed(crypto.randomUUID(), 'Digest C');
    await eventually(async () => {
      const res = await kit.call(kit.s.admin, 'GET', `/deliveries?channelId=${channelId}&status=digest`);
      return res.body.total === 1 ? true : undefined;
    }, 'the third one waiting');
    await kit.evaluate();
    const stillWaiting = await kit.call(
      kit.s.admin,
      'GET',
      `/deliveries?channelId=${channelId}&status=digest`,
    );
    assert.equal(stillWaiting.body.total, 1, 'one digest a day: C waits for tomorrow’s');
  });
});
