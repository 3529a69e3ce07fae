// An import as it runs and ends: status, live percent and counts, then the result with links to its
// page, its rejected rows and its analysis.
import { ErrorNotice } from '../components/ErrorNotice';
import { ProgressBar } from '../jobs/JobProgress';
import { Link } from '../router';
import type { ImportSummary } from './api';
import { formatCount, ImportStatusBadge } from './format';
import { useLiveImport } from './hooks';
import { LatestAnalysisLink } from './ImportAnalyses';
import { importPath } from './paths';

export function ImportCounts({ row }: { row: ImportSummary }) {
  const counts: [string, string, number][] = [
    ['Rows read', 'rows-read', row.rowsRead],
    ['Accepted', 'rows-accepted', row.rowsAccepted],
    ['Rejected', 'rows-rejected', row.rowsRejected],
    ['Work orders', 'work-orders', row.workOrders],
  ];
  return (
    <dl className="facts import-counts" data-testid="import-counts">
      {counts.map(([label, testId, value]) => (
        <div key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Follows import `importId` live; `linkToPage` adds the way to its own page once it has ended. */
export function ImportProgress({ importId, linkToPage }: { importId: string; linkToPage: boolean }) {
  const { query, percent, refused } = useLiveImport(importId);
  const row = query.data;
  if (query.isError) return <ErrorNotice error={query.error} title="Could not follow the import" />;
  if (!row) return <p className="state-message">Waiting for the import…</p>;
  return (
    <div className="import-run" data-testid="import-run" data-status={row.status}>
      <p aria-live="polite">
        Import <ImportStatusBadge status={row.status} testId="import-status" />
        {row.status === 'queued' ? <span className="muted"> waiting for a worker…</span> : null}
      </p>
      <ProgressBar value={percent} label="Import progress" testId="import-progress" />
      <ImportCounts row={row} />
      {row.status === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">The import failed</p>
          <p>{row.errorMessage ?? 'No reason was given.'}</p>
        </div>
      ) : null}
      {row.status === 'completed' ? (
        <div className="notice notice-success" role="status">
          <p>
            Imported {formatCount(row.rowsAccepted)} of {formatCount(row.rowsRead)} rows into{' '}
            {formatCount(row.workOrders)} work orders
            {row.rowsRejected > 0 ? `; ${formatCount(row.rowsRejected)} rows were rejected` : ''}.
          </p>
        </div>
      ) : null}
      {linkToPage && (row.status === 'completed' || row.status === 'failed') ? (
        <p>
          <Link to={importPath(row.id)} data-testid="import-link">
            {row.rowsRejected > 0 ? 'See the rejected rows and why' : 'Open the import'}
          </Link>
        </p>
      ) : null}
      {linkToPage && row.status === 'completed' ? <LatestAnalysisLink importId={row.id} /> : null}
      {refused ? <p className="field-hint">Live progress is not available: {refused}</p> : null}
    </div>
  );
}
