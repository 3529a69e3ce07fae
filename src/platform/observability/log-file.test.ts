// LOG_FILE: rotation by size keeps LOG_FILE_BACKUPS files, loses no line across a rotation, and the
// file holds the same censored lines as stdout (the secret scan passes over it).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeLogger, createLogger, maskUrlSecrets } from './logger.ts';
import { scanLogsForSecrets } from './secret-scan.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'plantintel-logfile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAD = 'x'.repeat(1000);

function linesOf(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('the file is rotated at LOG_FILE_MAX_MB, keeps LOG_FILE_BACKUPS files and loses no line', async () => {
  const file = path.join(dir, 'rotate', 'plantintel.log');
  const settings = {
    logLevel: 'info',
    logFile: file,
    logFileMaxMb: 1,
    logFileBackups: 2,
    logStdout: false,
  } as const;
  const files = [file, `${file}.1`, `${file}.2`, `${file}.3`];

  // ~2.6 MB of lines: two rotations, every line still kept (the file and its two backups).
  let logger = createLogger(settings);
  const first = 2600;
  for (let seq = 0; seq < first; seq += 1) logger.info({ seq, pad: PAD }, 'line');
  await closeLogger(logger);
  assert.ok(existsSync(`${file}.2`), 'rotated twice');
  assert.ok(!existsSync(`${file}.3`));
  const kept = files.flatMap(linesOf).map((line) => line.seq as number);
  assert.equal(kept.length, first, 'every line is in one of the files');
  assert.deepEqual(
    [...kept].sort((a, b) => a - b),
    Array.from({ length: first }, (_, i) => i),
    'each line exactly once',
  );
  // logrotate's order: LOG_FILE holds the newest lines, .2 the oldest.
  const oldest = (name: string) => Math.min(...linesOf(name).map((line) => line.seq as number));
  assert.ok(oldest(`${file}.2`) < oldest(`${file}.1`) && oldest(`${file}.1`) < oldest(file));
  for (const name of files.slice(1, 3)) {
    const size = readFileSync(name).length;
    assert.ok(
      size >= 1_048_576 && size < 1_048_576 + 64 * 1024,
      `${name}: ${size} bytes, rotated at the limit`,
    );
  }

  // A restart appends to the same file; ~2 MB more: the oldest backups are deleted, never a 4th file.
  logger = createLogger(settings);
  const second = 2000;
  for (let seq = first; seq < first + second; seq += 1) logger.info({ seq, pad: PAD }, 'line');
  await closeLogger(logger);
  assert.ok(!existsSync(`${file}.3`), 'no more backups than LOG_FILE_BACKUPS');
  const after = files.flatMap(linesOf).map((line) => line.seq as number);
  after.sort((a, b) => a - b);
  const newest = after.at(-1) ?? -1;
  assert.equal(newest, first + second - 1, 'the newest line is kept');
  assert.deepEqual(
    after,
    Array.from({ length: after.length }, (_, i) => newest - after.length + 1 + i),
    'what is kept is the newest lines, each once, no gap',
  );
});

test('the file gets the censored lines: the secret scan passes over it', async () => {
  const file = path.join(dir, 'secrets.log');
  const logger = createLogger({ logLevel: 'info', logFile: file, logFileMaxMb: 1, logFileBackups: 1 });
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl';
  logger.info(
    {
      password: 'correct horse battery',
      token: jwt,
      body: { apiKey: 'pi_0123456789abcdefghijKLMNOP' },
      headers: { authorization: `Bearer ${jwt}` },
      url: maskUrlSecrets(`/ws?token=${jwt}`),
    },
    'a line with secrets in it',
  );
  await closeLogger(logger);
  const content = readFileSync(file, 'utf8');
  assert.match(content, /a line with secrets in it/);
  assert.match(content, /\[redacted\]/);
  const scan = scanLogsForSecrets(['correct horse battery']);
  for (const line of content.split('\n').filter(Boolean)) scan.destination.write(`${line}\n`);
  scan.assertClean();
});
