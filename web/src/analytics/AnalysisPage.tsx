// One analysis: its progress while it processes (live), then the summary, the narrative, the
// findings per analyzer with their charts and the work orders behind each, the chat about it, the
// report as PDF, CSV, Excel or JSON; analysts and administrators analyse the import again or delete it.
import { useId, useState } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { PageHeader } from '../components/PageHeader';
import { Link, navigate } from '../router';
import { AnalysisNarrative, AnalysisRun, AnalysisSummary } from './AnalysisSummary';
import { type AnalysisDetail, analyzerRunsOf, isAnalysisFinished, resultsOf } from './analysis-api';
import { useDeleteAnalysis, useLiveAnalysis } from './analysis-hooks';
import { ChatPanel } from './ChatPanel';
import { useAnalyticsRights } from './hooks';
import { AnalyseAgainButton } from './ImportAnalyses';
import { type InsightFocus, InsightList } from './InsightList';
import { ANALYTICS_ANALYSES_PAGE, importPath } from './paths';

function AnalysisActions({ analysis }: { analysis: AnalysisDetail }) {
  const id = useId();
  const remove = useDeleteAnalysis();
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Analyse again or delete</h2>
      <p className="muted">
        Analysing again runs the analyzers over the same import with the configuration as it is now; this
        analysis stays as it is. Deleting removes its findings and its chat; the import stays.
      </p>
      <div className="toolbar">
        <AnalyseAgainButton importId={analysis.importId} />
        <ConfirmButton
          label="Delete analysis…"
          title={`Delete the analysis of ${analysis.name}?`}
          message="Its findings and its chat are deleted with it. The import and its work orders stay."
          confirmLabel="Delete analysis"
          disabled={!isAnalysisFinished(analysis.status) || remove.isPending}
          onConfirm={() =>
            remove.mutate(analysis.id, {
              onSuccess: () => navigate(ANALYTICS_ANALYSES_PAGE.path, { replace: true }),
            })
          }
        />
      </div>
      {remove.isError ? <ErrorNotice error={remove.error} title="Could not delete the analysis" /> : null}
    </section>
  );
}

function Exports({ analysis }: { analysis: AnalysisDetail }) {
  return (
    <ExportMenu
      path={`/api/v1/analytics/analyses/${encodeURIComponent(analysis.id)}/export`}
      formats={['pdf', 'csv', 'xlsx', 'json']}
      what="the analysis report"
    />
  );
}

export function AnalysisPage({ id }: { id: string }) {
  const rights = useAnalyticsRights();
  const { query, percent, message, refused } = useLiveAnalysis(id);
  const [focus, setFocus] = useState<InsightFocus | null>(null);
  const analysis = query.data;
  const completed = analysis?.status === 'completed';
  const results = analysis && completed ? resultsOf(analysis) : null;
  return (
    <>
      <PageHeader
        title={analysis ? `Analysis of ${analysis.name}` : 'Analysis'}
        description="What the import’s work orders say, ranked by what each finding costs: the evidence behind every number, the work orders it comes from, and what to do."
        actions={analysis && completed ? <Exports analysis={analysis} /> : null}
      />
      <p className="back-link">
        <Link to={ANALYTICS_ANALYSES_PAGE.path}>← All analyses</Link>
        {analysis ? (
          <>
            {' · '}
            <Link to={importPath(analysis.importId)}>
              Its import{analysis.fileName ? ` (${analysis.fileName})` : ''}
            </Link>
          </>
        ) : null}
      </p>
      {query.isPending ? <p className="state-message">Loading the analysis…</p> : null}
      {query.isError ? <ErrorNotice error={query.error} title="Could not load the analysis" /> : null}
      {analysis ? (
        <>
          {completed ? null : (
            <AnalysisRun analysis={analysis} percent={percent} message={message} refused={refused} />
          )}
          {completed ? <AnalysisSummary analysis={analysis} /> : null}
          <AnalysisNarrative analysis={analysis} />
          {results ? (
            <InsightList
              analysisId={analysis.id}
              insights={analysis.insights}
              runs={analyzerRunsOf(analysis)}
              charts={results.charts}
              focus={focus}
            />
          ) : null}
          <ChatPanel
            analysisId={analysis.id}
            status={analysis.status}
            onCite={(rank) => setFocus({ rank, at: Date.now() })}
          />
          {rights.write ? <AnalysisActions analysis={analysis} /> : null}
        </>
      ) : null}
    </>
  );
}
