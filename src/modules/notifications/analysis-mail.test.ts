// The acceptance path end to end: a work-order export uploaded and analysed through the real import
// path records AnalysisCompleted; a rule mails the analysis report PDF (rendered by the reports
// module) through a real SMTP server, and puts the notification in the in-app inbox.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { eventually } from '../../platform/jobs/testing.ts';
import { signIn } from '../identity/testing.ts';
import { notificationsKit, type SmtpSink, startSmtpSink } from './testing.ts';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
let sink: SmtpSink;
const kit = notificationsKit('analysis-mail', async () => {
  sink = await startSmtpSink();
  return { SMTP_URL: sink.url };
});
after(() => sink?.stop());

describe('an analysis notifies by email with its PDF, and in the inbox', () => {
  test('upload → analysis → email with the report attached and an inbox item', async () => {
    const mail = await kit.call(kit.s.admin, 'POST', '/channels', {
      name: 'Analysts',
      kind: 'email',
      recipients: [kit.acme.users.analyst.email],
    });
    const bell = await kit.call(kit.s.admin, 'POST', '/channels', { name: 'Bell', kind: 'in_app' });
    const rule = await kit.call(kit.s.admin, 'POST', '/rules', {
      name: 'Analyses',
      eventKind: 'analysis.completed',
      channelIds: [mail.body.channel.id, bell.body.channel.id],
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));

    const analyst = await signIn(kit.t.app, kit.acme.users.analyst.email);
    const body = new FormData();
    body.append('facilityId', kit.acme.facilityId);
    body.append('autoMap', 'true');
    body.append(
      'file',
      new Blob([await readFile(join(EXAMPLES, 'workorders-generic.csv'))]),
      'workorders-generic.csv',
    );
    const upload = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/analytics/uploads',
      headers: analyst.headers,
      payload: body,
    });
    assert.equal(upload.statusCode, 202, upload.body);

    const message = await eventually(
      async () => sink.messages.find((m) => m.to.includes(kit.acme.users.analyst.email)),
      'the analysis email',
      300_000,
    );
    assert.match(message.subject, /^\[PlantIntel\] Analysis ".*" completed: \d+ insights?$/);
    assert.equal(message.attachments.length, 1, 'the report is attached');
    assert.equal(message.attachments[0]?.contentType, 'application/pdf');
    assert.equal(message.attachments[0]?.head.slice(0, 5), '%PDF-');
    assert.ok((message.attachments[0]?.size ?? 0) > 2000);

    const inbox = await kit.call(analyst, 'GET', '/inbox');
    assert.equal(inbox.body.total, 1);
    assert.equal(`[PlantIntel] ${inbox.body.items[0].title}`, message.subject);
  });
});
