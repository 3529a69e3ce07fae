// The file engine (parse/) and the auto-mapping (mapping/) put together for the import's request
// path (the head of a file) and its job (every row): format detection, column profiling (a sample,
// then the whole column where the sample leaves a date or number format ambiguous), conversion and
// operation roll-up. File-level problems become 400s with the engine's message.
import { stat } from 'node:fs/promises';
import { badRequest } from '../../platform/http/errors.ts';
import type { ConvertedRow, FileHead, HeadReader, OpenedFile, Rollup, RowReader } from './file-head.ts';
import { columnsFromRows, suggestMapping } from './mapping/suggest.ts';
import type { FieldMapping } from './mapping/types.ts';
import { createRowConverter, MappingError, validateMappings } from './parse/convert.ts';
import { FileFormatError } from './parse/errors.ts';
import { type ColumnProfile, fileHints, profileColumn } from './parse/profile.ts';
import { readRecords } from './parse/records.ts';
import { createRollup } from './parse/rollup.ts';
import { type Detected, sniff } from './parse/sniff.ts';
import type { XlsxOptions } from './parse/xlsx.ts';

/** Rows profiled before deciding whether a column needs its whole length read. */
const PROFILE_SAMPLE = 10_000;

/** File problems are the uploader's to fix: a 400 with the reason. */
async function readable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof FileFormatError) throw badRequest(`The file cannot be imported: ${err.message}`);
    throw err;
  }
}

const describe = (d: Detected): Record<string, unknown> =>
  d.kind === 'csv'
    ? {
        kind: d.kind,
        encoding: d.encoding,
        bom: d.bom,
        delimiter: d.delimiter,
        quote: d.quote,
        newline: d.newline === '\r' ? 'CR' : 'LF or CRLF',
        headerLine: d.headerLine,
        columns: d.columns,
      }
    : { kind: d.kind, sheet: d.sheet, sheets: d.sheets, headerLine: d.headerLine, columns: d.columns };

async function opened(path: string, sheet: string | undefined, limits: XlsxOptions) {
  const detected = await sniff(path, sheet ? { ...limits, sheet } : limits);
  const records = await readRecords(path, detected, limits);
  return { detected, records, headers: records.headers };
}

/** Profiles the mapped columns over `limit` rows (all when undefined) of a fresh read of the file. */
async function profileColumns(
  file: OpenedFile,
  columns: number[],
  limit: number | undefined,
  signal: AbortSignal,
) {
  const records = await file.reread();
  const profiles = new Map<number, ColumnProfile>(columns.map((i) => [i, profileColumn()]));
  let rows = 0;
  outer: for await (const batch of records) {
    signal.throwIfAborted();
    for (const row of batch) {
      if (limit !== undefined && rows >= limit) break outer;
      rows++;
      if (row.problem) continue;
      for (const [i, profile] of profiles) profile.add(row.cells[i] ?? '');
    }
  }
  return { profiles, rows };
}

function rollupOf(mappings: FieldMapping[], strategy: Record<string, string>): Rollup {
  const withStrategy = mappings.map((m) =>
    strategy[m.field] ? { ...m, aggregation: strategy[m.field] as FieldMapping['aggregation'] } : m,
  );
  const rollup = createRollup(withStrategy);
  const extras = new Map<string, Record<string, string> | null>();
  return {
    add(rowNo, values, extra) {
      const key = values.workOrder === null || values.workOrder === undefined ? '' : String(values.workOrder);
      // The unmapped columns of a work order's first operation are kept with it.
      if (key !== '' && !extras.has(key)) extras.set(key, extra);
      rollup.add(values, rowNo);
    },
    *results() {
      for (const order of rollup.results())
        yield {
          rowNo: order.firstRow ?? 0,
          operations: order.operations,
          values: { ...order.values, workOrder: order.workOrder },
          extra: extras.get(order.workOrder) ?? null,
        };
    },
  };
}

/** `limits`: the zip-bomb limits of XLSX files (XLSX_MAX_* settings; the defaults when unset). */
export function fileReader(limits: XlsxOptions = {}): HeadReader & RowReader {
  return {
    async head(path, { sheet, rows }): Promise<FileHead> {
      return readable(async () => {
        const { detected, records, headers } = await opened(path, sheet, limits);
        const sample: string[][] = [];
        for await (const batch of records.batches()) {
          for (const row of batch) {
            if (sample.length >= rows) break;
            sample.push(row.cells);
          }
          if (sample.length >= rows) break;
        }
        return {
          detected: describe(detected),
          headers,
          rows: sample,
          sheet: detected.kind === 'xlsx' ? detected.sheet : undefined,
        };
      });
    },

    suggest(head, learned) {
      return suggestMapping({ columns: columnsFromRows(head.headers, head.rows), learned });
    },

    mappingProblems(head, mappings) {
      return validateMappings(head.headers, mappings)
        .filter((p) => p.column !== undefined)
        .map((p) => p.problem);
    },

    async open(path, { sheet }): Promise<OpenedFile> {
      return readable(async () => {
        const { detected, records, headers } = await opened(path, sheet, limits);
        const size = (await stat(path)).size;
        let rowsRead = 0;
        let chars = 0;
        return {
          headers,
          detected: describe(detected),
          close: () => records.close(),
          // The same detection again: no second sniff of the file.
          reread: async () => (await readRecords(path, detected, limits)).batches(),
          async *batches() {
            for await (const batch of records.batches()) {
              rowsRead += batch.length;
              if (rowsRead <= 1000) for (const row of batch) for (const c of row.cells) chars += c.length + 1;
              yield batch;
            }
          },
          fraction() {
            const perRow = chars / Math.max(1, Math.min(rowsRead, 1000));
            return size > 0 ? Math.min(1, (rowsRead * perRow) / size) : 1;
          },
        };
      });
    },

    async converter(file, mappings, signal) {
      const headers = file.headers;
      const columns = [
        ...new Set(
          mappings
            .filter((m) => m.column !== undefined)
            .map((m) => headers.indexOf(m.column as string))
            .filter((i) => i >= 0),
        ),
      ];
      let { profiles, rows } = await profileColumns(file, columns, PROFILE_SAMPLE, signal);
      const undecided = [...profiles].filter(([, p]) => {
        const r = p.result();
        return (r.date?.ambiguous ?? false) || (r.number?.ambiguous ?? false);
      });
      // The sample left a format open: the whole column decides (never a guess per row).
      if (undecided.length > 0 && rows >= PROFILE_SAMPLE) {
        const whole = await profileColumns(
          file,
          undecided.map(([i]) => i),
          undefined,
          signal,
        );
        for (const [i, profile] of whole.profiles) profiles.set(i, profile);
        rows = whole.rows;
      }
      const results = new Map([...profiles].map(([i, p]) => [headers[i] as string, p.result()]));
      const hints = fileHints(
        results.values(),
        typeof file.detected.delimiter === 'string' ? file.detected.delimiter : undefined,
      );
      let converter: ReturnType<typeof createRowConverter>;
      try {
        converter = createRowConverter({ headers, mappings, profiles: results, hints });
      } catch (err) {
        if (err instanceof MappingError)
          throw badRequest(`The mapping does not fit the file: ${err.message}`);
        throw err;
      }
      return {
        formats: { profiledRows: rows, readings: converter.readings },
        convert(cells): ConvertedRow {
          const out = converter.convert(cells);
          let extra: Record<string, string> | null = null;
          for (const _ in out.extra) {
            extra = out.extra;
            break;
          }
          return {
            ok: out.ok,
            values: out.values,
            extra,
            errors: out.errors.map((e) => ({ column: e.column || null, value: e.value, reason: e.reason })),
          };
        },
      };
    },

    rollup: rollupOf,
  };
}
