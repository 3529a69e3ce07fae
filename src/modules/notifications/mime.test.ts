import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { parseMail } from './mime.ts';

const build = (options: ConstructorParameters<typeof MailComposer>[0]) =>
  new Promise<string>((resolve, reject) =>
    new MailComposer(options)
      .compile()
      .build((err, message) => (err ? reject(err) : resolve(message.toString('utf8')))),
  );

describe('reading back a notification email', () => {
  test('subject, recipients, both bodies and a binary attachment survive nodemailer’s encoding', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80]);
    const raw = await build({
      from: 'PlantIntel <plantintel@localhost>',
      to: ['a@x.test', 'Bé <b@x.test>'],
      subject: 'Analyse « Presse 3 » terminée — 12 insights',
      text: `Ligne 1\n${'long line with = signs and accents é '.repeat(6)}`,
      html: '<p>Hello <b>world</b> é</p>',
      attachments: [{ filename: 'analysis.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const mail = parseMail(raw);
    assert.equal(mail.subject, 'Analyse « Presse 3 » terminée — 12 insights');
    assert.deepEqual(mail.to, ['a@x.test', 'b@x.test']);
    assert.match(mail.from, /plantintel@localhost/);
    assert.equal(mail.text.trim(), `Ligne 1\n${'long line with = signs and accents é '.repeat(6)}`.trim());
    assert.equal(mail.html, '<p>Hello <b>world</b> é</p>');
    assert.equal(mail.attachments.length, 1);
    assert.equal(mail.attachments[0]?.filename, 'analysis.pdf');
    assert.equal(mail.attachments[0]?.contentType, 'application/pdf');
    assert.deepEqual(mail.attachments[0]?.content, pdf);
  });
});
