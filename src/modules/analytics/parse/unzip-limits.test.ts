import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileFormatError } from './errors.ts';
import { readRecords } from './records.ts';
import { sniff } from './sniff.ts';
import { RATIO_FLOOR, unzipGuard } from './unzip-limits.ts';
import { SHEET_PART, STRINGS_PART, sheetBomb, stringsBomb, workbook } from './zip-bomb.testing.ts';

const MiB = 1_048_576;
const dir = mkdtempSync(join(tmpdir(), 'plantintel-bombs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const tooLarge = (pattern: RegExp) => (e: unknown) =>
  e instanceof FileFormatError && e.code === 'tooLarge' && pattern.test(e.message);

/** Reads the whole workbook as an import would. */
async function readAll(path: string, options = {}) {
  const detected = await sniff(path, options);
  let rows = 0;
  for await (const _ of await readRecords(path, detected, options)) rows += 1;
  return rows;
}

describe('unzipGuard', () => {
  const limits = { maxUnpackedBytes: 10 * MiB, maxPartBytes: 4 * MiB, maxRatio: 100 };

  it('refuses a part that declares more than the part limit or the ratio, before inflating', () => {
    const guard = unzipGuard(limits);
    assert.throws(
      () => guard.declare('big.xml', 4 * MiB + 1, 1 * MiB),
      tooLarge(/big.xml declares more than 4 MiB/),
    );
    assert.throws(() => guard.declare('dense.xml', 2 * MiB, 1000), tooLarge(/more than 100 times/));
    // Small parts pack as well as they like.
    guard.declare('small.xml', RATIO_FLOOR, 10);
  });

  it('counts the inflated bytes: a part that lied is stopped at the chunk that passes a bound', () => {
    const guard = unzipGuard(limits);
    guard.declare('liar.xml', 100, 1000);
    let inflated = 0;
    // 1000 packed bytes may give at most 100 000: the chunk that passes it (and the floor) throws.
    const chunk = 64 * 1024;
    assert.throws(
      () => {
        for (let i = 0; i < 100; i += 1) inflated = guard.inflated('liar.xml', 1000, inflated, chunk);
      },
      tooLarge(/liar.xml unpacks to more than 100 times/),
    );
    assert.equal(inflated, RATIO_FLOOR, 'stopped at the first chunk past 1 MiB');
  });

  it('counts every part against the total', () => {
    const guard = unzipGuard(limits);
    for (const part of ['a', 'b']) {
      guard.declare(part, 4 * MiB, 1 * MiB);
      let n = 0;
      for (let i = 0; i < 4; i += 1) n = guard.inflated(part, MiB, n, MiB);
    }
    assert.throws(() => guard.declare('c', 3 * MiB, MiB), tooLarge(/more than 10 MiB in all/));
  });
});

describe('XLSX zip bombs', () => {
  it('the test workbook itself reads', async () => {
    assert.equal(await readAll(file('plain.xlsx', workbook())), 1);
  });

  it('a 10 KB workbook declaring 4 GiB is refused from its central directory', async () => {
    const bytes = workbook({}, { [SHEET_PART]: 0xfffffffe });
    assert.ok(bytes.length < 10_000, `${bytes.length} bytes`);
    await assert.rejects(readAll(file('declares.xlsx', bytes)), tooLarge(/sheet1.xml declares more than/));
  });

  it('a 4 MB workbook that really inflates to 4 GB: refused by its ratio before inflating', async () => {
    const sheet = sheetBomb(4000);
    assert.ok(sheet.data.length < 5 * MiB && sheet.size / sheet.data.length > 900, 'a real deflate bomb');
    const path = file('real.xlsx', workbook({ sheet }));
    await assert.rejects(readAll(path), tooLarge(/sheet1.xml declares more than 200 times/));
    // With the ratio allowed, the total still stops it (declared 3.9 GiB > 2 GiB).
    await assert.rejects(readAll(path, { maxRatio: 100_000 }), tooLarge(/declares more than 1024 MiB/));
  });

  it('the same bomb behind a lying directory (declares 100 KB) stops within the first chunks', async () => {
    const before = process.memoryUsage().rss;
    const path = file('liar.xlsx', workbook({ sheet: sheetBomb(4000) }, { [SHEET_PART]: 100_000 }));
    await assert.rejects(readAll(path), (e) => e instanceof FileFormatError);
    const grown = process.memoryUsage().rss - before;
    assert.ok(grown < 256 * MiB, `rss grew ${Math.round(grown / MiB)} MiB`);
  });

  it('shared strings (held in memory) are bounded per part, declared or lied about', async () => {
    const strings = stringsBomb(64);
    const loose = { maxRatio: 100_000, maxPartBytes: 16 * MiB };
    const honest = file('strings.xlsx', workbook({ strings }));
    await assert.rejects(readAll(honest, loose), tooLarge(/sharedStrings.xml declares more than 16 MiB/));
    const before = process.memoryUsage().rss;
    const liar = file('strings-liar.xlsx', workbook({ strings }, { [STRINGS_PART]: 1000 }));
    await assert.rejects(readAll(liar, loose), (e) => e instanceof FileFormatError);
    const grown = process.memoryUsage().rss - before;
    assert.ok(grown < 256 * MiB, `rss grew ${Math.round(grown / MiB)} MiB`);
  });

  it('a real sheet with a high ratio but honest and allowed sizes still reads', async () => {
    const path = file('dense.xlsx', workbook({ sheet: sheetBomb(8) }));
    assert.equal(await readAll(path, { maxRatio: 100_000 }), 1);
  });
});
