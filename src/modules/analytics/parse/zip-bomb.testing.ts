// Zip bombs for tests, made in the test: workbooks whose parts inflate to gigabytes from a few
// megabytes (deflate's best ratio, ~1000:1), or that declare gigabytes in a 10 KB file, or whose
// central directory lies about what they inflate to. Nothing is inflated to build them: the
// deflate stream of N MiB of spaces is one fully flushed 1 MiB segment repeated N times.
import { constants, deflateRawSync } from 'node:zlib';

const MiB = 1_048_576;

/** A deflated part: its raw deflate bytes and the uncompressed size the directory should say. */
export interface ZipPart {
  name: string;
  data: Buffer;
  size: number;
}

/** A complete raw deflate stream of `text`. */
export const deflatedText = (name: string, text: string): ZipPart => ({
  name,
  data: deflateRawSync(Buffer.from(text)),
  size: Buffer.byteLength(text),
});

/** `prefix`, then `mib` MiB of spaces, as one raw deflate stream built without inflating anything. */
export function deflatedSpaces(name: string, prefix: string, mib: number, suffix = ''): ZipPart {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  // After a full flush the next segment starts afresh, so segments can simply follow one another.
  const segment = deflateRawSync(Buffer.alloc(MiB, 0x20), flush);
  const data = Buffer.concat([
    deflateRawSync(Buffer.from(prefix), flush),
    ...Array.from({ length: mib }, () => segment),
    deflateRawSync(Buffer.from(suffix)),
  ]);
  return { name, data, size: Buffer.byteLength(prefix) + mib * MiB + Buffer.byteLength(suffix) };
}

/**
 * A zip of these parts. `declare` overrides the uncompressed size written in the headers (a lying
 * directory); CRCs are left 0 (the reader stops long before a CRC could matter).
 */
export function zipArchive(parts: ZipPart[], declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const size = Math.min(declare[part.name] ?? part.size, 0xfffffffe);
    const name = Buffer.from(part.name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(part.data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, name, part.data);
    centrals.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
export const SHEET_PART = 'xl/worksheets/sheet1.xml';
export const STRINGS_PART = 'xl/sharedStrings.xml';
/** The opening of a sheet with a header row, before the bomb's spaces. */
export const SHEET_HEAD = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Order</t></is></c></row>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook of one sheet; `sheet` and `strings` replace its parts (the bomb goes there). */
export function workbook(
  { sheet, strings }: { sheet?: ZipPart; strings?: ZipPart } = {},
  declare: Record<string, number> = {},
): Buffer {
  return zipArchive(
    [
      deflatedText(
        '[Content_Types].xml',
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      deflatedText(
        '_rels/.rels',
        `<Relationships ${PKG}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      deflatedText(
        'xl/workbook.xml',
        `<workbook ${NS} ${R}><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      deflatedText(
        'xl/_rels/workbook.xml.rels',
        `<Relationships ${PKG}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      strings ?? deflatedText(STRINGS_PART, `<sst ${NS}><si><t>WO-1</t></si></sst>`),
      sheet ??
        deflatedText(SHEET_PART, `${SHEET_HEAD}<row r="2"><c r="A2" t="s"><v>0</v></c></row>${SHEET_TAIL}`),
    ],
    declare,
  );
}

/** A sheet part that really inflates to `mib` MiB (of spaces between its two rows). */
export const sheetBomb = (mib: number): ZipPart =>
  deflatedSpaces(
    SHEET_PART,
    SHEET_HEAD,
    mib,
    `<row r="2"><c r="A2" t="inlineStr"><is><t>WO-1</t></is></c></row>${SHEET_TAIL}`,
  );

/** A shared-string table that really inflates to `mib` MiB: one string of spaces (held in memory). */
export const stringsBomb = (mib: number): ZipPart =>
  deflatedSpaces(STRINGS_PART, `<sst ${NS}><si><t xml:space="preserve">`, mib, '</t></si></sst>');
