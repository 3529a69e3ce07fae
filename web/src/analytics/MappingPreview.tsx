// The file's sample rows as sent, and the preview of the mapping: the first rows as they would be
// stored, and what a full run would accept and reject (asked again whenever the mapping changes).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { useDebounced } from '../debounce';
import { analyticsApi, type CanonicalField, type PreviewResult } from './api';
import { formatCell, formatCount, reasonText } from './format';
import type { Mapping } from './mapping';

/** Edits settle this long before the preview is asked again. */
const PREVIEW_DEBOUNCE_MS = 400;

export function SampleRows({ headers, rows }: { headers: readonly string[]; rows: readonly string[][] }) {
  if (rows.length === 0) return <p className="state-message">The file has a header but no rows.</p>;
  return (
    <DataTable columns={headers} dense caption="Sample rows of the file, as read" testId="sample-rows">
      {rows.map((row, index) => (
        // Sample rows have no identity of their own: their position is it.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <tr key={index}>
          {headers.map((header, column) => (
            <td key={header} className="cell-nowrap">
              {row[column] ?? ''}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

function ValidationSummary({ summary }: { summary: PreviewResult['summary'] }) {
  const reasons = Object.entries(summary.reasons).sort(([, a], [, b]) => b - a);
  const tone = summary.rejected === 0 ? 'notice-success' : 'notice-warn';
  return (
    <div className={`notice ${tone}`} role="status" data-testid="validation-summary">
      <p className="notice-title">
        Of the first <span data-testid="preview-rows">{formatCount(summary.rows)}</span> rows,{' '}
        <span data-testid="preview-accepted">{formatCount(summary.accepted)}</span> would be imported and{' '}
        <span data-testid="preview-rejected">{formatCount(summary.rejected)}</span> rejected.
      </p>
      {reasons.length > 0 ? (
        <ul className="notice-list">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {reasonText(reason)}: {formatCount(count)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PreviewRows({ preview, fields }: { preview: PreviewResult; fields: readonly CanonicalField[] }) {
  const present = new Set(preview.rows.flatMap((row) => Object.keys(row.values)));
  const shown = fields.filter((f) => present.has(f.key));
  return (
    <DataTable
      columns={['Row', ...shown.map((f) => f.label), 'Problems']}
      dense
      caption="The first rows as they would be imported"
      testId="preview-table"
    >
      {preview.rows.map((row) => (
        <tr key={row.rowNo} className={row.errors.length > 0 ? 'row-rejected' : ''} data-row={row.rowNo}>
          <td className="cell-number">{row.rowNo}</td>
          {shown.map((f) => (
            <td key={f.key} className="cell-nowrap">
              {formatCell(row.values[f.key])}
            </td>
          ))}
          <td>
            {row.errors.map((e) => (
              <span key={`${e.column}:${e.reason}`} className="cell-problem">
                {e.column ? <strong>{e.column}</strong> : null} {reasonText(e.reason)}
                {e.value ? <span className="muted"> (“{e.value}”)</span> : null}
              </span>
            ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The preview of `mapping` on `file`'s head; `fileKey` names the file in the query's key. */
export function MappingPreview({
  file,
  fileKey,
  mapping,
  fields,
}: {
  file: File;
  fileKey: string;
  mapping: Mapping;
  fields: readonly CanonicalField[];
}) {
  const settled = useDebounced(mapping, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['analytics', 'preview', fileKey, settled],
    queryFn: ({ signal }) => analyticsApi.preview(file, settled, signal),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const stale = preview.isFetching || settled !== mapping;
  return (
    <div className="mapping-preview" aria-busy={stale} data-testid="mapping-preview" data-stale={stale}>
      {preview.isPending ? <p className="state-message">Checking the rows against the mapping…</p> : null}
      {preview.isError ? (
        <ErrorNotice error={preview.error} title="The preview could not be made with this mapping" />
      ) : null}
      {preview.data ? (
        <>
          <ValidationSummary summary={preview.data.summary} />
          <PreviewRows preview={preview.data} fields={fields} />
        </>
      ) : null}
    </div>
  );
}
