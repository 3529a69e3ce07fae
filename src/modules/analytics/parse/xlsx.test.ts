import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { FileFormatError } from './errors.ts';
import { type Row, readRecords } from './records.ts';
import { sniff } from './sniff.ts';
import { columnOfRef, isDateFormat, xlsxRows, xlsxSheets } from './xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'plantintel-xlsx-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const realPath = join(dir, 'real.xlsx');

/** A zip of these parts (deflated), as any OOXML writer makes it. */
function zipFiles(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const raw = Buffer.from(content);
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(raw), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written by hand: the parts other writers than ExcelJS use. */
const handMade = (sheetXml: string, extra: Record<string, string> = {}) =>
  zipFiles({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook ${NS} ${R}><workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="/xl/strings.xml"/></Relationships>`,
    'xl/styles.xml': `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    'xl/strings.xml': `<sst ${NS}><si><t>Order</t></si><si><r><t>Pa</t></r><r><t>rt</t></r><rPh><t>ぱ</t></rPh></si><si><t xml:space="preserve"> spaced &amp; escaped </t></si></sst>`,
    'xl/worksheets/data.xml': sheetXml,
    ...extra,
  });

async function readAll(path: string, options = {}) {
  const detected = await sniff(path, options);
  const reader = await readRecords(path, detected, options);
  const rows: Row[] = [];
  for await (const row of reader) rows.push(row);
  return { detected, headers: reader.headers, rows };
}

before(async () => {
  const workbook = new ExcelJS.Workbook();
  const orders = workbook.addWorksheet('Orders');
  orders.addRow(['Report: production orders']);
  orders.addRow([]);
  orders.addRow(['Order', 'Part', 'Qty', 'Start', 'Done', 'Failed', 'Qty']);
  orders.addRow([
    'WO1',
    'P-1',
    1234.5,
    new Date(Date.UTC(2026, 0, 15)),
    new Date(Date.UTC(2026, 0, 15, 8, 30)),
    true,
    1,
  ]);
  orders.addRow(['WO2', 4711, { formula: '1+1', result: 2 }, 46023.5, null, false]);
  workbook.addWorksheet('Second').addRows([
    ['Machine', 'Speed'],
    ['M1', 1500],
  ]);
  await workbook.xlsx.writeFile(realPath);
});

describe('XLSX written by ExcelJS', () => {
  it('lists its sheets', async () => {
    assert.deepEqual(await xlsxSheets(realPath), ['Orders', 'Second']);
  });

  it('reads the first sheet: header below a title, dates as ISO, numbers, flags, Excel row numbers', async () => {
    const { detected, headers, rows } = await readAll(realPath);
    assert.deepEqual(detected, {
      kind: 'xlsx',
      sheet: 'Orders',
      sheets: ['Orders', 'Second'],
      headerLine: 3,
      columns: 7,
    });
    assert.deepEqual(headers, ['Order', 'Part', 'Qty', 'Start', 'Done', 'Failed', 'Qty (2)']);
    assert.deepEqual(rows, [
      { rowNo: 4, cells: ['WO1', 'P-1', '1234.5', '2026-01-15', '2026-01-15T08:30:00', 'TRUE', '1'] },
      { rowNo: 5, cells: ['WO2', '4711', '2', '46023.5', '', 'FALSE', ''] },
    ]);
  });

  it('reads a sheet chosen by name (case-insensitively)', async () => {
    const { rows } = await readAll(realPath, { sheet: 'second' });
    assert.deepEqual(rows, [{ rowNo: 2, cells: ['M1', '1500'] }]);
  });

  it('refuses a sheet it does not have', async () => {
    await assert.rejects(
      sniff(realPath, { sheet: 'Nope' }),
      (e) => e instanceof FileFormatError && e.code === 'noSheet',
    );
  });

  it('refuses to unpack more than the cap (zip bombs)', async () => {
    await assert.rejects(
      sniff(realPath, { maxUnpackedBytes: 4000 }),
      (e) => e instanceof FileFormatError && e.code === 'tooLarge',
    );
  });

  it('a truncated workbook is damaged, at once', async () => {
    const bytes = readFileSync(realPath);
    for (const keep of [100, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const path = join(dir, `truncated-${keep}.xlsx`);
      writeFileSync(path, bytes.subarray(0, keep));
      await assert.rejects(sniff(path), (e) => {
        assert.ok(e instanceof FileFormatError, String(e));
        assert.equal(e.code, 'damaged');
        assert.match(e.message, /^the XLSX file is damaged or truncated: /);
        return true;
      });
    }
  });

  it('a workbook whose sheet data is corrupt fails with a clear error, not a hang', async () => {
    const bytes = Buffer.from(readFileSync(realPath));
    const at = bytes.indexOf('xl/worksheets/sheet1.xml');
    bytes.fill(0xff, at + 60, at + 200);
    const path = join(dir, 'corrupt.xlsx');
    writeFileSync(path, bytes);
    await assert.rejects(
      (async () => {
        for await (const _ of xlsxRows(path));
      })(),
      (e) => e instanceof FileFormatError && e.code === 'damaged',
    );
  });
});

describe('XLSX as other writers make it', () => {
  const sheet = (rows: string) =>
    `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;

  it('reads prefixed XML, rich and inline strings, cells without references, 1904 dates and custom date formats', async () => {
    const path = join(dir, 'hand.xlsx');
    writeFileSync(
      path,
      handMade(
        sheet(
          '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>When</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Note</x:t></x:is></x:c></x:row>' +
            '<x:row><x:c t="str"><x:v>WO1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c s="1"><x:v>0.5</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
            '<x:row r="9"><x:c r="D9" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c></x:row>',
        ),
      ),
    );
    const { headers, rows } = await readAll(path);
    assert.deepEqual(headers, ['Order', 'Part', 'When', 'Note']);
    assert.deepEqual(rows, [
      { rowNo: 2, cells: ['WO1', ' spaced & escaped ', '1904-01-01T12:00:00', '#N/A'] },
      { rowNo: 9, cells: ['', '', '', 'ab'] },
    ]);
  });

  it('a zip with a workbook but broken XML is damaged', async () => {
    const path = join(dir, 'badxml.xlsx');
    writeFileSync(path, handMade(sheet('<x:row><x:c><x:v>1</x:c></x:row>')));
    await assert.rejects(sniff(path), (e) => e instanceof FileFormatError && e.code === 'damaged');
  });
});

describe('XLSX helpers', () => {
  it('column references', () => {
    assert.equal(columnOfRef('A1'), 0);
    assert.equal(columnOfRef('Z3'), 25);
    assert.equal(columnOfRef('AA10'), 26);
    assert.equal(columnOfRef('XFD1'), 16_383);
  });

  it('date formats: by their y/d outside quotes and brackets', () => {
    assert.equal(isDateFormat('dd/mm/yyyy\\ hh:mm'), true);
    assert.equal(isDateFormat('[$-407]d. mmmm yyyy'), true);
    assert.equal(isDateFormat('#,##0.00 "days"'), false);
    assert.equal(isDateFormat('[h]:mm:ss'), false);
    assert.equal(isDateFormat('[Red]0.00'), false);
  });
});
