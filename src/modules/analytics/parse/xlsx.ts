// Reading an .xlsx workbook a row at a time: the zip through yauzl (its central directory, so a
// truncated file fails at once instead of hanging, and any part can be read in any order), the XML
// through saxes (streamed). Only the shared-string table is held whole, as Excel needs it to read
// any cell; everything else streams.
//
// Cells come out as text the value parser reads: shared and inline strings as written, numbers as
// their JS string, cells with a date style as ISO dates (`2026-01-15`, or `2026-01-15T08:30:00`
// with a time), booleans as TRUE/FALSE, errors as Excel shows them (#N/A).
//
// Zip bombs: the bytes inflated count against the limits of unzip-limits.ts (in all, per part, the
// ratio to the packed size), checked against the declared sizes before reading and against the
// real bytes while reading.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { excelSerialToMs, isoOfMs } from './dates.ts';
import { FileFormatError } from './errors.ts';
import { DEFAULT_UNZIP_LIMITS, type UnzipLimits, unzipGuard } from './unzip-limits.ts';

export const MAX_UNPACKED_BYTES = DEFAULT_UNZIP_LIMITS.maxUnpackedBytes;

/** A workbook has a few dozen parts; far more is not a workbook anyone exported. */
const MAX_ENTRIES = 100_000;

/** Zip-bomb limits (unzip-limits.ts); the defaults where unset. */
export type XlsxOptions = Partial<UnzipLimits>;

export interface SheetRow {
  /** The sheet's row number, as Excel shows it. */
  row: number;
  cells: string[];
}

interface Sheet {
  name: string;
  part: string;
  hidden: boolean;
}

interface Workbook {
  zip: ZipFile;
  entries: Map<string, Entry>;
  sheets: Sheet[];
  date1904: boolean;
  /** Reads a part, counting its bytes against the cap. */
  open(part: string): AsyncIterable<Buffer>;
  close(): void;
}

const damaged = (error: unknown): FileFormatError =>
  error instanceof FileFormatError
    ? error
    : new FileFormatError('damaged', error instanceof Error ? error.message : String(error));

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Resolves a relationship target against the folder of the part that names it. */
const resolvePart = (base: string, target: string): string => {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
};

/** Feeds a part's XML to saxes, yielding `drain()` after each chunk (for streaming consumers). */
async function* parseXml(
  bytes: AsyncIterable<Buffer>,
  setup: (parser: SaxesParser) => void,
  drain?: () => unknown,
): AsyncGenerator<unknown> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  setup(parser);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    if (drain) yield drain();
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
  if (drain) yield drain();
}

const consume = async (gen: AsyncGenerator<unknown>): Promise<void> => {
  for await (const _ of gen);
};

async function openWorkbook(path: string, options: XlsxOptions) {
  const guard = unzipGuard({
    maxUnpackedBytes: options.maxUnpackedBytes ?? DEFAULT_UNZIP_LIMITS.maxUnpackedBytes,
    maxPartBytes: options.maxPartBytes ?? DEFAULT_UNZIP_LIMITS.maxPartBytes,
    maxRatio: options.maxRatio ?? DEFAULT_UNZIP_LIMITS.maxRatio,
  });
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw damaged(error);
  }
  try {
    const entries = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= MAX_ENTRIES) throw new FileFormatError('damaged', 'too many parts');
      entries.set(entry.fileName, entry);
    }
    async function* open(part: string): AsyncGenerator<Buffer> {
      const entry = entries.get(part);
      if (!entry) throw new FileFormatError('damaged', `${part} is missing`);
      guard.declare(part, entry.uncompressedSize, entry.compressedSize);
      const stream = await zip.openReadStreamPromise(entry);
      let inflated = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated = guard.inflated(part, entry.compressedSize, inflated, chunk.length);
          yield chunk;
        }
      } finally {
        stream.destroy();
      }
    }
    const workbook: Workbook = {
      zip,
      entries,
      sheets: [],
      date1904: false,
      open,
      close: () => zip.close(),
    };
    const rels = async (part: string): Promise<Map<string, { target: string; type: string }>> => {
      const slash = part.lastIndexOf('/');
      const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
      const map = new Map<string, { target: string; type: string }>();
      if (!entries.has(relsPart)) return map;
      await consume(
        parseXml(open(relsPart), (parser) =>
          parser.on('opentag', (tag) => {
            const a = (tag as SaxesTagPlain).attributes;
            if (local(tag.name) === 'Relationship' && a.Id && a.Target)
              map.set(a.Id, { target: resolvePart(part, a.Target), type: a.Type ?? '' });
          }),
        ),
      );
      return map;
    };
    const root = [...(await rels('')).values()].find((r) => r.type.endsWith('/officeDocument'));
    const workbookPart = root?.target ?? 'xl/workbook.xml';
    if (!entries.has(workbookPart)) throw new FileFormatError('notTabular', 'a zip file but not a workbook');
    const targets = await rels(workbookPart);
    await consume(
      parseXml(open(workbookPart), (parser) =>
        parser.on('opentag', (tag) => {
          const a = (tag as SaxesTagPlain).attributes;
          const name = local(tag.name);
          if (name === 'workbookPr') workbook.date1904 = a.date1904 === '1' || a.date1904 === 'true';
          if (name !== 'sheet') return;
          const id = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
          const target = id ? targets.get(id) : undefined;
          if (a.name && target?.type.endsWith('/worksheet'))
            workbook.sheets.push({
              name: a.name,
              part: target.target,
              hidden: (a.state ?? 'visible') !== 'visible',
            });
        }),
      ),
    );
    const shared = [...targets.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
    const styles = [...targets.values()].find((r) => r.type.endsWith('/styles'))?.target;
    return { workbook, shared, styles };
  } catch (error) {
    zip.close();
    throw damaged(error);
  }
}

/** The workbook's worksheets in workbook order, with whether each is hidden. */
export async function xlsxSheetList(
  path: string,
  options: XlsxOptions = {},
): Promise<{ name: string; hidden: boolean }[]> {
  const { workbook } = await openWorkbook(path, options);
  workbook.close();
  return workbook.sheets.map(({ name, hidden }) => ({ name, hidden }));
}

/** Names of the workbook's worksheets, in workbook order. */
export async function xlsxSheets(path: string, options: XlsxOptions = {}): Promise<string[]> {
  return (await xlsxSheetList(path, options)).map((s) => s.name);
}

/** The sheet `wanted` names (exactly, else ignoring case), or the first visible one. */
export const pickSheet = <T extends { name: string; hidden: boolean }>(
  sheets: T[],
  wanted: string | undefined,
): T | undefined =>
  wanted === undefined
    ? (sheets.find((s) => !s.hidden) ?? sheets[0])
    : (sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase()));

async function sharedStrings(workbook: Workbook, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part || !workbook.entries.has(part)) return strings;
  let text = '';
  let capture = false;
  let phonetic = false;
  await consume(
    parseXml(workbook.open(part), (parser) => {
      parser.on('opentag', (tag) => {
        const name = local(tag.name);
        if (name === 'si') text = '';
        else if (name === 'rPh') phonetic = true;
        else if (name === 't' && !phonetic) capture = true;
      });
      parser.on('text', (t) => {
        if (capture) text += t;
      });
      parser.on('closetag', (tag) => {
        const name = local(tag.name);
        if (name === 't') capture = false;
        else if (name === 'rPh') phonetic = false;
        else if (name === 'si') strings.push(text);
      });
    }),
  );
  return strings;
}

/** Built-in number formats that show dates or date-times (ECMA-376 §18.8.30, and the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/** A custom format shows a date when, outside quoted text and [brackets], it has y or d. */
export const isDateFormat = (code: string): boolean =>
  /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').replace(/[^A-Za-z]/g, ''));

async function dateStyles(workbook: Workbook, part: string | undefined): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  if (!part || !workbook.entries.has(part)) return [];
  let inCellXfs = false;
  await consume(
    parseXml(workbook.open(part), (parser) => {
      parser.on('opentag', (tag) => {
        const a = (tag as SaxesTagPlain).attributes;
        const name = local(tag.name);
        if (name === 'numFmt' && a.numFmtId && a.formatCode) custom.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
      });
      parser.on('closetag', (tag) => {
        if (local(tag.name) === 'cellXfs') inCellXfs = false;
      });
    }),
  );
  return xfs.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
  });
}

/** 0-based column of a cell reference (`C7` → 2), or -1. */
export const columnOfRef = (ref: string): number => {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return i === 0 ? -1 : column - 1;
};

/** Most columns a row may have (Excel's own limit is 16,384). */
const MAX_COLUMNS = 16_384;

/**
 * Rows of one worksheet (the first visible one unless `sheet` names another), in batches as the
 * XML streams in. Empty rows are not written by Excel and so not yielded.
 */
export async function* xlsxRows(
  path: string,
  { sheet, ...options }: XlsxOptions & { sheet?: string } = {},
): AsyncGenerator<SheetRow[]> {
  const { workbook, shared, styles } = await openWorkbook(path, options);
  try {
    const chosen = pickSheet(workbook.sheets, sheet);
    if (!chosen)
      throw sheet === undefined
        ? new FileFormatError('damaged', 'the workbook has no worksheet')
        : new FileFormatError('noSheet', sheet);
    const strings = await sharedStrings(workbook, shared);
    const isDate = await dateStyles(workbook, styles);
    let batch: SheetRow[] = [];
    let cells: string[] = [];
    let row = 0;
    let column = -1;
    let type = 'n';
    let style = 0;
    let text = '';
    let capture = false;
    const render = (): string => {
      switch (type) {
        case 's':
          return strings[Number(text)] ?? '';
        case 'b':
          return text === '1' || text === 'true' ? 'TRUE' : 'FALSE';
        case 'inlineStr':
        case 'str':
        case 'e':
        case 'd':
          return text;
        default: {
          if (text === '') return '';
          const n = Number(text);
          if (!Number.isFinite(n)) return text;
          if (!isDate[style]) return String(n);
          const ms = excelSerialToMs(n, workbook.date1904);
          return ms === null ? String(n) : isoOfMs(ms);
        }
      }
    };
    const rows = parseXml(
      workbook.open(chosen.part),
      (parser) => {
        parser.on('opentag', (tag) => {
          const name = local(tag.name);
          const a = (tag as SaxesTagPlain).attributes;
          if (name === 'c') {
            const ref = a.r ? columnOfRef(a.r) : -1;
            column = ref >= 0 ? ref : column + 1;
            type = a.t ?? 'n';
            style = a.s ? Number(a.s) : 0;
            text = '';
          } else if (name === 'v' || (name === 't' && type === 'inlineStr')) capture = true;
          else if (name === 'rPh') capture = false;
          else if (name === 'row') {
            const r = a.r ? Number(a.r) : Number.NaN;
            row = Number.isInteger(r) && r > row ? r : row + 1;
            cells = [];
            column = -1;
          }
        });
        parser.on('text', (t) => {
          if (capture) text += t;
        });
        parser.on('closetag', (tag) => {
          const name = local(tag.name);
          if (name === 'v' || name === 't') capture = false;
          else if (name === 'c') {
            if (column >= MAX_COLUMNS)
              throw new FileFormatError('damaged', `cell beyond column ${MAX_COLUMNS}`);
            const value = render();
            if (value !== '') {
              while (cells.length < column) cells.push('');
              cells[column] = value;
            }
          } else if (name === 'row' && cells.length > 0) batch.push({ row, cells });
        });
      },
      () => {
        const out = batch;
        batch = [];
        return out;
      },
    );
    for await (const out of rows) if ((out as SheetRow[]).length > 0) yield out as SheetRow[];
  } catch (error) {
    throw damaged(error);
  } finally {
    workbook.close();
  }
}

/** Whether a zip's first entry is an OOXML part (for telling a damaged workbook from another zip). */
export const looksLikeOoxml = (head: Buffer): boolean => {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const nameLength = head.readUInt16LE(26);
  const name = head.subarray(30, 30 + nameLength).toString('latin1');
  return /^(\[Content_Types\]\.xml|_rels\/|docProps\/|xl\/)/.test(name);
};
