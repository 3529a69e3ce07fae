import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileFormatError } from './errors.ts';
import { type Row, readRecords, uniqueHeaders } from './records.ts';
import { sniff } from './sniff.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantintel-records-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Sniffs and reads a file of these bytes: its headers and rows. */
async function read(bytes: Buffer | string, options = {}) {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, bytes);
  const detected = await sniff(path, options);
  const reader = await readRecords(path, detected, options);
  const rows: Row[] = [];
  for await (const row of reader) rows.push(row);
  return { detected, headers: reader.headers, headerRow: reader.headerRow, rows };
}

const cells = (rows: Row[]) => rows.map((r) => r.cells);

describe('reading CSV records', () => {
  it('a UTF-8 BOM is not part of the first header', async () => {
    const { headers, rows } = await read('\uFEFFOrder,Qty\nWO1,5\n');
    assert.deepEqual(headers, ['Order', 'Qty']);
    assert.deepEqual(rows, [{ rowNo: 2, cells: ['WO1', '5'] }]);
  });

  it('CRLF line ends', async () => {
    const { rows } = await read('Order,Qty\r\nWO1,5\r\nWO2,6\r\n');
    assert.deepEqual(cells(rows), [
      ['WO1', '5'],
      ['WO2', '6'],
    ]);
  });

  it('lone CR line ends', async () => {
    const { rows } = await read('Order,Qty\rWO1,5\rWO2,6');
    assert.deepEqual(rows, [
      { rowNo: 2, cells: ['WO1', '5'] },
      { rowNo: 3, cells: ['WO2', '6'] },
    ]);
  });

  it('quoted delimiters and line breaks; row numbers are the line each record starts on', async () => {
    const { rows } = await read('Order;Note;Qty\nWO1;"a; b";1\nWO2;"two\nlines";2\nWO3;"";3\n');
    assert.deepEqual(rows, [
      { rowNo: 2, cells: ['WO1', 'a; b', '1'] },
      { rowNo: 3, cells: ['WO2', 'two\nlines', '2'] },
      { rowNo: 5, cells: ['WO3', '', '3'] },
    ]);
  });

  it('ragged rows are padded or kept, and flagged; trailing empty cells are not extra', async () => {
    const { rows } = await read('A,B,C\n1,2,3\n4,5\n6,7,8,9\n10,11,12,,\n');
    assert.deepEqual(rows, [
      { rowNo: 2, cells: ['1', '2', '3'] },
      { rowNo: 3, cells: ['4', '5', ''], problem: 'too few cells' },
      { rowNo: 4, cells: ['6', '7', '8', '9'], problem: 'too many cells' },
      { rowNo: 5, cells: ['10', '11', '12'] },
    ]);
  });

  it('empty lines and rows of empty cells are skipped, their lines still counted', async () => {
    const { rows } = await read('A,B\n\n1,2\n,\n  \n\r\n3,4\n\n');
    assert.deepEqual(rows, [
      { rowNo: 3, cells: ['1', '2'] },
      { rowNo: 7, cells: ['3', '4'] },
    ]);
  });

  it('broken quoting is a problem of its row; the rows after it are read', async () => {
    const { rows } = await read('A,B\n1,2\n"3,4\n5,6\n');
    assert.deepEqual(rows, [
      { rowNo: 2, cells: ['1', '2'] },
      { rowNo: 3, cells: [], problem: 'broken quoting' },
      { rowNo: 4, cells: ['5', '6'] },
    ]);
  });

  it('a preamble above the header is skipped; row numbers stay the file lines', async () => {
    const { headers, headerRow, rows } = await read('Report: production orders\n\nOrder;Qty\nWO1;5\n');
    assert.deepEqual(headers, ['Order', 'Qty']);
    assert.equal(headerRow, 3);
    assert.deepEqual(rows, [{ rowNo: 4, cells: ['WO1', '5'] }]);
  });

  it('a header only is refused', async () => {
    await assert.rejects(
      read('Order,Part,Qty\r\n'),
      (e) => e instanceof FileFormatError && e.code === 'headerOnly',
    );
  });

  it('a header only, in a file bigger than the sniffed head, is refused by the reader', async () => {
    await assert.rejects(
      read(`Order,Part,Qty\n${'\n'.repeat(1000)}`, { headBytes: 64 }),
      (e) => e instanceof FileFormatError && /header but no data rows/.test(e.message),
    );
  });

  it('a header wider than the sniffed head is read whole', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Column name ${i}`);
    const { headers, rows } = await read(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`, {
      headBytes: 64,
    });
    assert.deepEqual(headers, names);
    assert.equal(rows[0]?.cells[39], '39');
  });

  it('duplicate and blank headers are made unique', async () => {
    const { headers } = await read('Qty,qty,,Qty,Qty (2)\n1,2,3,4,5\n');
    assert.deepEqual(headers, ['Qty', 'qty (3)', 'Column 3', 'Qty (4)', 'Qty (2)']);
  });

  it('Windows-1252 text (ä, ß, € as 0x80)', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('Gr'),
      0xf6,
      0xdf,
      0x65,
      0x3b,
      ...Buffer.from('Preis\nM'),
      0xe4,
      0x68,
      0x3b,
      0x80,
      0x35,
      0x0a,
    ]);
    const { detected, headers, rows } = await read(bytes);
    assert.equal(detected.kind === 'csv' && detected.encoding, 'windows-1252');
    assert.deepEqual(headers, ['Größe', 'Preis']);
    assert.deepEqual(cells(rows), [['Mäh', '€5']]);
  });

  it('UTF-16 LE with a BOM', async () => {
    const text = 'Größe\tPreis\r\nM\t€5\r\n"a\tb"\t6\r\n';
    const { headers, rows } = await read(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    assert.deepEqual(headers, ['Größe', 'Preis']);
    assert.deepEqual(cells(rows), [
      ['M', '€5'],
      ['a\tb', '6'],
    ]);
  });

  it('reads across chunk boundaries, in multi-byte characters too', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `WO${i};"Größe €${i}\n2";${i}`);
    const { rows } = await read(`Order;Note;Qty\n${lines.join('\n')}\n`, { chunkBytes: 7 });
    assert.equal(rows.length, 2000);
    assert.deepEqual(rows[1999], { rowNo: 2 + 2 * 1999, cells: ['WO1999', 'Größe €1999\n2', '1999'] });
  });

  it('reads UTF-16 across chunk boundaries that cut its two-byte units', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => `WO${i}\tGröße €${i}\t${i}`);
    const text = `Order\tNote\tQty\r\n${lines.join('\r\n')}\r\n`;
    const { rows } = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), {
      chunkBytes: 7,
    });
    assert.equal(rows.length, 500);
    assert.deepEqual(rows[499], { rowNo: 501, cells: ['WO499', 'Größe €499', '499'] });
  });
});

describe('uniqueHeaders', () => {
  it('keeps unique names, numbers repeats and names blanks by position', () => {
    assert.deepEqual(uniqueHeaders([' Qty ', 'Qty', '', 'Column 3']), [
      'Qty',
      'Qty (2)',
      'Column 3',
      'Column 3 (2)',
    ]);
  });
});
