// Schema pieces of `GET …/export?format=csv|xlsx` routes: the list's query without its paging, plus
// the format, and a 200 response documented as the file it is.
import Type, { type TObject, type TProperties } from 'typebox';
import { CONTENT_TYPES, TABLE_FORMATS } from './tabular.ts';

export const ExportFormat = Type.Union(
  TABLE_FORMATS.map((f) => Type.Literal(f)),
  { default: 'csv', description: 'csv (default): UTF-8 with a byte-order mark; xlsx: an Excel workbook' },
);

/** A list's query schema for its export: the same filters, no `limit`/`offset`, and `format`. */
export function exportQuery<P extends TProperties>(list: TObject<P>) {
  const {
    limit: _limit,
    offset: _offset,
    ...filters
  } = list.properties as P & {
    limit?: unknown;
    offset?: unknown;
  };
  return Type.Object(
    { ...(filters as Omit<P, 'limit' | 'offset'>), format: ExportFormat },
    { additionalProperties: false },
  );
}

/** The 200 response of a table export, one entry per format's media type. */
export const tableFileResponse = {
  description: 'The file, streamed (an attachment named in Content-Disposition)',
  content: Object.fromEntries(
    TABLE_FORMATS.map((f) => [
      CONTENT_TYPES[f].split(';')[0],
      { schema: { type: 'string', format: 'binary' } },
    ]),
  ),
};

/** A file name part for a period: `2026-01-01_2026-02-01`, `from-2026-01-01`, or nothing. */
export function periodPart(from?: string | Date, to?: string | Date): string {
  const day = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);
  if (from && to) return `_${day(from)}_${day(to)}`;
  if (from) return `_from-${day(from)}`;
  if (to) return `_to-${day(to)}`;
  return '';
}
