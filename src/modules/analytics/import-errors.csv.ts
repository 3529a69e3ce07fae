// An import's row errors as a CSV download, streamed page by page (an import can reject millions
// of rows). Cells a spreadsheet would run as a formula are prefixed with an apostrophe.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { RowError } from './imports.repo.ts';

const FORMULA = /^[=+\-@\t\r]/;
const safe = (value: string | null) => (value !== null && FORMULA.test(value) ? `'${value}` : (value ?? ''));

export function errorsCsv(pages: AsyncIterable<RowError[]>): Readable {
  const out = stringify({ header: true, columns: ['row', 'column', 'value', 'reason'], bom: true });
  const rows = Readable.from(
    (async function* () {
      for await (const page of pages)
        for (const e of page) yield [e.rowNo, safe(e.columnName), safe(e.value), e.reason];
    })(),
  );
  // A client that goes away ends both streams (and the page reads) at once.
  pipeline(rows, out).catch(() => {});
  return out;
}
