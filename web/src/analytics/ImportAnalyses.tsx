// An import's analyses: the way from a completed import to the analysis it started, its newest
// analyses on its page, and "Analyse again" for analysts and administrators.
import { useId } from 'react';
import { DataTable } from '../components/DataTable';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime } from '../format';
import { Link, navigate } from '../router';
import { useImportAnalyses, useStartAnalysis } from './analysis-hooks';
import { formatCount, ImportStatusBadge } from './format';
import { analysisPath, importAnalysesPath } from './paths';

/** Starts another analysis of a completed import and opens it. */
export function AnalyseAgainButton({ importId, disabled = false }: { importId: string; disabled?: boolean }) {
  const start = useStartAnalysis();
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={disabled || start.isPending}
        onClick={() =>
          start.mutate(importId, { onSuccess: (analysis) => navigate(analysisPath(analysis.id)) })
        }
      >
        {start.isPending ? 'Starting…' : 'Analyse again'}
      </button>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the analysis" /> : null}
    </>
  );
}

/** Once an import has completed: the link to the analysis it started (looked for until it is there). */
export function LatestAnalysisLink({ importId }: { importId: string }) {
  const analyses = useImportAnalyses(importId, true);
  const latest = analyses.data?.items[0];
  if (analyses.isError) return <ErrorNotice error={analyses.error} title="Could not find its analysis" />;
  if (!latest) return <p className="muted">Starting its analysis…</p>;
  return (
    <p>
      <Link to={analysisPath(latest.id)} data-testid="analysis-link">
        {latest.status === 'processing' ? 'Follow its analysis' : 'See its analysis'}
      </Link>
    </p>
  );
}

export function ImportAnalysesCard({
  importId,
  completed,
  canAnalyse,
}: {
  importId: string;
  completed: boolean;
  canAnalyse: boolean;
}) {
  const id = useId();
  const analyses = useImportAnalyses(importId, completed);
  const items = analyses.data?.items ?? [];
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="import-analyses">
      <div className="card-heading">
        <h2 id={`${id}-heading`}>Analyses</h2>
        {canAnalyse ? <AnalyseAgainButton importId={importId} disabled={!completed} /> : null}
      </div>
      {analyses.isError ? <ErrorNotice error={analyses.error} title="Could not load its analyses" /> : null}
      {analyses.data && items.length === 0 ? (
        <p className="state-message">
          {completed
            ? 'No analysis of this import (yet): each completed import starts one.'
            : 'The import is analysed once it has completed.'}
        </p>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          columns={['Analysis', 'Status', 'Findings', 'Started']}
          dense
          caption="Its newest analyses"
        >
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={analysisPath(a.id)}>{a.name}</Link>
              </td>
              <td>
                <ImportStatusBadge status={a.status} />
              </td>
              <td className="cell-number">{formatCount(a.insightCount)}</td>
              <td className="cell-nowrap">
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {analyses.data && analyses.data.total > items.length ? (
        <p>
          <Link to={importAnalysesPath(importId)}>
            All {formatCount(analyses.data.total)} analyses of this import
          </Link>
        </p>
      ) : null}
    </section>
  );
}
