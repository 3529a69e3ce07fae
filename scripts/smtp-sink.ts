// A local SMTP server that accepts every message and keeps it: for trying notification emails
// without a mail provider, and for the email tests (which run it in a child process).
//
//   npm run smtp-sink                    # listens on 127.0.0.1:2525, saves to DATA_DIR/mail
//   SMTP_URL=smtp://127.0.0.1:2525 npm start
//
// Options: --port <n> (0: any free port), --host <address>, --dir <folder>, --json (one JSON line
// per message on stdout, with the bodies and attachment sizes: what the tests read).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { parseMail } from '../src/modules/notifications/mime.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SMTP_SINK_PORT ?? '2525' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const dir = resolve(values.dir ?? join(process.env.DATA_DIR ?? './data', 'mail'));
await mkdir(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  banner: 'PlantIntel SMTP sink',
  size: 50 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', async () => {
      try {
        const raw = Buffer.concat(chunks);
        const mail = parseMail(raw.toString('utf8'));
        count += 1;
        const stamp = new Date().toISOString().replaceAll(':', '-');
        const file = join(dir, `${stamp}-${String(count).padStart(4, '0')}.eml`);
        await writeFile(file, raw);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        if (values.json) {
          process.stdout.write(
            `${JSON.stringify({
              message: {
                ...envelope,
                headerFrom: mail.from,
                subject: mail.subject,
                text: mail.text,
                html: mail.html,
                attachments: mail.attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  size: a.content.length,
                  head: a.content.subarray(0, 8).toString('latin1'),
                })),
                file,
              },
            })}\n`,
          );
        } else {
          const files = mail.attachments.map(
            (a) => `${a.filename} (${a.contentType}, ${a.content.length} bytes)`,
          );
          process.stdout.write(
            [
              `— message ${count} —`,
              `From:    ${envelope.from}`,
              `To:      ${envelope.to.join(', ')}`,
              `Subject: ${mail.subject}`,
              `Attachments: ${files.length > 0 ? files.join('; ') : 'none'}`,
              `Saved:   ${file}`,
              '',
            ].join('\n'),
          );
        }
        callback();
      } catch (err) {
        callback(err as Error);
      }
    });
  },
});
server.on('error', (err) => process.stderr.write(`smtp-sink: ${err.message}\n`));

server.listen(Number(values.port), values.host, () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : Number(values.port);
  if (values.json) process.stdout.write(`${JSON.stringify({ listening: port })}\n`);
  else
    process.stdout.write(
      `SMTP sink listening on smtp://${values.host}:${port} — messages saved under ${dir}\n` +
        `Point PlantIntel at it: SMTP_URL=smtp://${values.host}:${port}\n`,
    );
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
