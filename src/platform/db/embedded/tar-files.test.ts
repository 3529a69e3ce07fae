import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pack as tarPack } from 'tar-stream';
import { tarEntries } from './tar-files.ts';

type Header = Parameters<ReturnType<typeof tarPack>['entry']>[0];

/** A tar written by tar-stream (a maintained writer), as one buffer. */
async function tarOf(entries: { header: Header; body?: string }[]): Promise<Uint8Array> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (chunk) => chunks.push(chunk as Buffer));
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const { header, body } of entries) pack.entry(header, body ?? '');
  pack.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const mtime = new Date('2026-12-07T10:00:00Z');
const longDir = `base/${'d'.repeat(90)}`;

test('files and directories come out with their paths, times and bytes, as views into the tar', async () => {
  const tar = await tarOf([
    { header: { name: '/base/', type: 'directory', mtime } },
    { header: { name: '/base/5/1249', mtime }, body: 'catalog pages' },
    { header: { name: 'PG_VERSION', mtime }, body: '18\n' },
    { header: { name: 'empty', mtime }, body: '' },
    { header: { name: `${longDir}/${'f'.repeat(60)}`, mtime }, body: 'x'.repeat(1500) },
  ]);
  const entries = tarEntries(tar);
  assert.deepEqual(
    entries.map((e) => [e.path, e.kind, Buffer.from(e.data).toString(), e.mtimeMs]),
    [
      ['base', 'directory', '', mtime.getTime()],
      ['base/5/1249', 'file', 'catalog pages', mtime.getTime()],
      ['PG_VERSION', 'file', '18\n', mtime.getTime()],
      ['empty', 'file', '', mtime.getTime()],
      [`${longDir}/${'f'.repeat(60)}`, 'file', 'x'.repeat(1500), mtime.getTime()],
    ],
  );
  for (const entry of entries)
    assert.equal(entry.data.buffer, tar.buffer, `${entry.path} is a view, not a copy`);
  // Writing through a view changes the tar: the file system that takes the views owns the bytes.
  const first = entries[1]?.data as Uint8Array;
  first[0] = 0x43; // 'C'
  assert.equal(Buffer.from(tarEntries(tar)[1]?.data ?? []).toString(), 'Catalog pages');
});

test('an empty archive has no entries', async () => {
  assert.deepEqual(tarEntries(await tarOf([])), []);
  assert.deepEqual(tarEntries(new Uint8Array(0)), []);
});

test('links, damaged headers and cut-short files are refused, not read as something else', async () => {
  const link = await tarOf([{ header: { name: 'pg_wal', type: 'symlink', linkname: '/elsewhere', mtime } }]);
  assert.throws(() => tarEntries(link), /pg_wal is of entry type '2', not a file or directory/);

  const damaged = await tarOf([{ header: { name: 'PG_VERSION', mtime }, body: '18\n' }]);
  damaged[130] = (damaged[130] as number) ^ 1; // a bit of the size field
  assert.throws(() => tarEntries(damaged), /header at byte 0 is damaged/);

  const whole = await tarOf([{ header: { name: 'big', mtime }, body: 'y'.repeat(2000) }]);
  assert.throws(() => tarEntries(whole.subarray(0, 1024)), /big is cut short \(2000 bytes announced\)/);
});
