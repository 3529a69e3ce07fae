// What an import did: the counts, and the rows it refused (line of the file, column, why). Entity
// files answer in the request; demand history is read by a job whose progress is shown live.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { isFinished } from '../jobs/api';
import { useLiveJob } from '../jobs/hooks';
import { JobStatusBadge, ProgressBar } from '../jobs/JobProgress';
import { type ImportReport, supplyKeys } from './api';
import { formatQuantity } from './format';

type RowError = ImportReport['errors'][number];

/** What the demand import job returns (an open object on the wire; its shape is the job's). */
interface DemandResult {
  rows: number;
  stored: number;
  summed: number;
  rejected: number;
  series: number;
  from: string | null;
  to: string | null;
  errors: RowError[];
  withoutInventory: { count: number; first: { warehouseId: string; sku: string }[] };
}

function isDemandResult(value: unknown): value is DemandResult {
  const v = value as Partial<DemandResult> | null;
  return typeof v === 'object' && v !== null && typeof v.rows === 'number' && Array.isArray(v.errors);
}

export function RowErrors({ errors, rejected }: { errors: readonly RowError[]; rejected: number }) {
  if (errors.length === 0) return null;
  return (
    <>
      <h3 className="subheading">Refused rows</h3>
      {rejected > errors.length ? (
        <p className="muted">
          The first {errors.length} of {rejected} refused rows.
        </p>
      ) : null}
      <DataTable columns={['Row', 'Column', 'Why']} dense caption="Refused rows" testId="import-errors">
        {errors.map((e) => (
          <tr key={`${e.row}-${e.column}`}>
            <th scope="row" className="cell-number">
              {e.row}
            </th>
            <td>{e.column}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

export function ReportView({ report }: { report: ImportReport }) {
  const ignored = report.columns.ignored;
  return (
    <>
      <dl className="facts" data-testid="import-counts">
        <Fact label="Rows read" testId="import-rows">
          {formatQuantity(report.rows)}
        </Fact>
        <Fact label="Created" testId="import-created">
          {formatQuantity(report.created)}
        </Fact>
        <Fact label="Updated" testId="import-updated">
          {formatQuantity(report.updated)}
        </Fact>
        <Fact label="Refused" testId="import-rejected">
          {formatQuantity(report.rejected)}
        </Fact>
      </dl>
      {ignored.length > 0 ? <p className="muted">Columns not read: {ignored.join(', ')}.</p> : null}
      <RowErrors errors={report.errors} rejected={report.rejected} />
    </>
  );
}

function DemandView({ result }: { result: DemandResult }) {
  const unstocked = result.withoutInventory;
  return (
    <>
      <dl className="facts" data-testid="import-counts">
        <Fact label="Rows read" testId="import-rows">
          {formatQuantity(result.rows)}
        </Fact>
        <Fact label="Days stored" testId="import-stored">
          {formatQuantity(result.stored)}
        </Fact>
        <Fact label="Days given twice (summed)">{formatQuantity(result.summed)}</Fact>
        <Fact label="Refused" testId="import-rejected">
          {formatQuantity(result.rejected)}
        </Fact>
        <Fact label="Series">{formatQuantity(result.series)}</Fact>
        {result.from && result.to ? (
          <Fact label="Period">
            {result.from.slice(0, 10)} – {result.to.slice(0, 10)}
          </Fact>
        ) : null}
      </dl>
      {unstocked.count > 0 ? (
        <p className="muted" data-testid="import-unstocked">
          {unstocked.count} series have no stock point yet (stored, shown once it exists):{' '}
          {unstocked.first.map((s) => s.sku).join(', ')}
          {unstocked.count > unstocked.first.length ? '…' : ''}
        </p>
      ) : null}
      <RowErrors errors={result.errors} rejected={result.rejected} />
    </>
  );
}

/** The demand import job, live while it runs, then its result; the supply views reload when it ends. */
export function DemandJobView({ jobId }: { jobId: string }) {
  const queryClient = useQueryClient();
  const { query: job } = useLiveJob(jobId);
  const done = isFinished(job.data?.status);
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: supplyKeys.all });
  }, [done, queryClient]);
  if (job.isError) return <ErrorNotice error={job.error} title="Could not follow the import job" />;
  if (!job.data) return <p className="state-message">Starting the import…</p>;
  const { status, progress, message, result, error } = job.data;
  return (
    <>
      <div className="job-progress-cell">
        <JobStatusBadge status={status} testId="import-job-status" />
        {message ? <span className="muted"> {message}</span> : null}
      </div>
      {done ? null : <ProgressBar value={progress} label="Import progress" testId="import-progress" />}
      {status === 'failed' ? <p className="job-error">{error ?? 'The import failed.'}</p> : null}
      {status === 'completed' && isDemandResult(result) ? <DemandView result={result} /> : null}
    </>
  );
}
