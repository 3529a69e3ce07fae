// Why an import's rows were rejected (row, column, value, reason), a page at a time, with the whole
// list as a CSV download.
import { useId } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Pagination, useOffset } from '../components/Pagination';
import { importErrorsCsvPath } from './api';
import { DownloadButton } from './DownloadButton';
import { formatCount, reasonText } from './format';
import { useImportErrors } from './hooks';

const PAGE_SIZE = 50;

export function ImportErrors({ importId, rejected }: { importId: string; rejected: number }) {
  const id = useId();
  const { offset, setOffset } = useOffset();
  const errors = useImportErrors(importId, offset, PAGE_SIZE);
  const items = errors.data?.items ?? [];
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="import-errors">
      <div className="card-heading">
        <h2 id={`${id}-heading`}>Rejected rows</h2>
        {items.length > 0 ? (
          <DownloadButton
            path={importErrorsCsvPath(importId)}
            fileName={`import-${importId}-errors.csv`}
            label="Download CSV"
          />
        ) : null}
      </div>
      {errors.isPending ? <p className="state-message">Loading the rejected rows…</p> : null}
      {errors.isError ? <ErrorNotice error={errors.error} title="Could not load the rejected rows" /> : null}
      {errors.data && items.length === 0 ? (
        <p className="state-message" data-testid="import-errors-empty">
          {rejected > 0
            ? `${formatCount(rejected)} rows were rejected, but no reasons were kept.`
            : 'No row was rejected.'}
        </p>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          columns={['Row', 'Column', 'Value', 'Reason']}
          dense
          busy={errors.isFetching && errors.isPlaceholderData}
          caption="Rejected rows, by row number"
          testId="import-errors-table"
        >
          {items.map((e) => (
            <tr key={`${e.row}:${e.column ?? ''}:${e.reason}`} data-row={e.row}>
              <td className="cell-number">{e.row.toLocaleString()}</td>
              <td>{e.column ?? <span className="muted">—</span>}</td>
              <td>{e.value === null ? <span className="muted">—</span> : <code>{e.value}</code>}</td>
              <td>{reasonText(e.reason)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Pagination page={errors.data} onChange={setOffset} label="Rejected rows" />
    </section>
  );
}
