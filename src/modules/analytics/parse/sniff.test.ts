import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { FileFormatError } from './errors.ts';
import { detectEncoding, sniff, sniffCsv } from './sniff.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantintel-sniff-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = (bytes: Buffer | string): string => {
  const path = join(dir, `f${files++}`);
  writeFileSync(path, bytes);
  return path;
};

const rejects = (code: FileFormatError['code'], message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof FileFormatError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, message);
  return true;
};

/** A one-entry zip (stored), enough for magic-number and zip-structure tests. */
function zipOf(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  // The CRC is left 0: yauzl does not check it, and these tests are about structure.
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('sniff: encodings', () => {
  it('UTF-8 with and without a BOM', () => {
    assert.deepEqual(detectEncoding(Buffer.from('\uFEFFa,b\n', 'utf8')), { encoding: 'utf-8', bomBytes: 3 });
    assert.deepEqual(detectEncoding(Buffer.from('Größe,b\n', 'utf8')), { encoding: 'utf-8', bomBytes: 0 });
  });

  it('UTF-16 LE and BE, with a BOM or by their NUL pattern', () => {
    const le = Buffer.from('Größe\tPreis\n', 'utf16le');
    assert.deepEqual(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), {
      encoding: 'utf-16le',
      bomBytes: 2,
    });
    assert.deepEqual(detectEncoding(le), { encoding: 'utf-16le', bomBytes: 0 });
    const be = Buffer.from(le).swap16();
    assert.deepEqual(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), {
      encoding: 'utf-16be',
      bomBytes: 2,
    });
    assert.deepEqual(detectEncoding(be), { encoding: 'utf-16be', bomBytes: 0 });
  });

  it('Windows-1252 when the bytes are not UTF-8 (Größe, € as 0x80)', () => {
    const bytes = Buffer.from([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x3b, 0x80, 0x0a]);
    assert.equal(detectEncoding(bytes).encoding, 'windows-1252');
  });

  it('a head cut in the middle of a UTF-8 character is still UTF-8', () => {
    const bytes = Buffer.from('a,b\nÄ,€', 'utf8');
    assert.equal(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding, 'utf-8');
  });

  it('looks past an ASCII-only head for the first non-ASCII byte', async () => {
    const ascii = `Order;Name\n${'WO1;plain\n'.repeat(10)}`;
    const path = file(Buffer.concat([Buffer.from(ascii), Buffer.from([0x57, 0x4f, 0x32, 0x3b, 0xe9, 0x0a])]));
    const detected = await sniff(path, { headBytes: 32 });
    assert.equal(detected.kind === 'csv' && detected.encoding, 'windows-1252');
  });
});

describe('sniff: dialect and header', () => {
  const csv = (text: string, complete = true) => sniffCsv(Buffer.from(text), complete);

  it('picks the delimiter whose field count is consistent', () => {
    assert.equal(csv('a,b,c\n1,2,3\n4,5,6\n').delimiter, ',');
    assert.equal(csv('Auftrag;Menge;Preis\n1;1,5;2,25\n2;10;3,5\n').delimiter, ';');
    assert.equal(csv('a\tb\tc\n1\t2,5\t3\n').delimiter, '\t');
    assert.equal(csv('a|b|c\n1|2|3\n').delimiter, '|');
  });

  it('ignores delimiters inside quotes', () => {
    const d = csv('"a;b",c\n"1;2",3\n"4;5",6\n');
    assert.equal(d.delimiter, ',');
    assert.equal(d.columns, 2);
  });

  it('finds single quotes as the quote character only when used as one', () => {
    assert.equal(csv("'a,b',c\n'1',2\n").quote, "'");
    assert.equal(csv("it's,x\n1,2\n").quote, '"');
  });

  it('detects CRLF and lone-CR line ends', () => {
    assert.equal(csv('a,b\r\n1,2\r\n').newline, '\n');
    assert.equal(csv('a,b\r1,2\r').newline, '\r');
  });

  it('skips blank and title lines above the header, and gives its line and byte offset', () => {
    const text =
      '\uFEFFReport: production orders\r\nExported;2026-01-05;;\r\n\r\nOrder;Part;Qty;Größe\r\nWO1;P1;5;M\r\n';
    const d = sniffCsv(Buffer.from(text), true);
    assert.equal(d.headerLine, 4);
    assert.equal(d.bom, true);
    assert.equal(d.headerOffset, Buffer.byteLength(text.slice(0, text.indexOf('Order')), 'utf8'));
    assert.equal(d.columns, 4);
  });

  it('the byte offset of a UTF-16 header counts two bytes a character', () => {
    const text = 'Titel\nA;B\n1;2\n';
    const d = sniffCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), true);
    assert.equal(d.headerLine, 2);
    assert.equal(d.headerOffset, 2 + 'Titel\n'.length * 2);
  });

  it('refuses a header without data rows', () => {
    assert.throws(() => csv('Order,Part,Qty\n\n'), rejects('headerOnly', /header but no data rows/));
  });

  it('does not call a head cut from a bigger file header-only', () => {
    assert.equal(csv('Order,Part,Qty\n', false).headerLine, 1);
  });
});

describe('sniff: files that are not CSV or XLSX', () => {
  it('a 0-byte file', async () => {
    await assert.rejects(sniff(file('')), rejects('empty', /^the file is empty$/));
  });

  it('a file of blank lines', async () => {
    await assert.rejects(sniff(file('\n\r\n  \n')), rejects('empty', /the file is empty/));
  });

  it('binary data', async () => {
    const bytes = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    await assert.rejects(sniff(file(bytes)), rejects('notTabular', /^not a CSV or XLSX file/));
  });

  it('a PNG image', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    await assert.rejects(sniff(file(png)), rejects('notTabular', /not a CSV or XLSX file/));
  });

  it('an old .xls (OLE2) says what to do', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await assert.rejects(sniff(file(xls)), rejects('notTabular', /save it as \.xlsx or CSV/));
  });

  it('a zip that is not a workbook', async () => {
    await assert.rejects(
      sniff(file(zipOf('notes/readme.txt', 'hello'))),
      rejects('notTabular', /not a workbook/),
    );
  });

  it('a truncated zip that is not a workbook', async () => {
    const zip = zipOf('notes/readme.txt', 'hello');
    await assert.rejects(sniff(file(zip.subarray(0, 40))), rejects('notTabular', /not a CSV or XLSX file/));
  });
});
