// An analysis at a glance: while it processes, its live progress; once completed, the work orders it
// read, the data tier, its findings by severity, the impact at stake and how long it took (and where
// the work orders were read from), then the written summary.
import { type ReactNode, useId } from 'react';
import { ProgressBar } from '../jobs/JobProgress';
import { type AnalysisDetail, type Insight, SEVERITIES } from './analysis-api';
import { formatNumber, Paragraphs, SEVERITY_LABEL, SeverityBadge, TIER_LABEL } from './analysis-format';
import { formatCount, ImportStatusBadge } from './format';

/** Follows a processing analysis (or says why it failed). */
export function AnalysisRun({
  analysis,
  percent,
  message,
  refused,
}: {
  analysis: AnalysisDetail;
  percent: number;
  message: string | null;
  refused: string | null;
}) {
  return (
    <section className="card" aria-label="Progress">
      <div className="import-run" data-testid="analysis-run" data-status={analysis.status}>
        <p aria-live="polite">
          Analysis <ImportStatusBadge status={analysis.status} testId="analysis-status" />
          {analysis.status === 'processing' && message ? <span className="muted"> {message}</span> : null}
        </p>
        {analysis.status === 'processing' ? (
          <ProgressBar value={percent} label="Analysis progress" testId="analysis-progress" />
        ) : null}
        {analysis.status === 'failed' ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">The analysis failed</p>
            <p>{analysis.errorMessage ?? 'No reason was given.'}</p>
          </div>
        ) : analysis.errorMessage ? (
          <p className="field-hint">{analysis.errorMessage}</p>
        ) : null}
        {refused ? <p className="field-hint">Live progress is not available: {refused}</p> : null}
      </div>
    </section>
  );
}

function totals(insights: readonly Insight[]) {
  const sum = (pick: (i: Insight) => number | null) => insights.reduce((s, i) => s + (pick(i) ?? 0), 0);
  return {
    score: sum((i) => i.impact.score),
    currency: sum((i) => i.impact.currency),
    hours: sum((i) => i.impact.hours),
    units: sum((i) => i.impact.units),
  };
}

function SummaryCard({
  label,
  testId,
  value,
  children,
}: {
  label: string;
  testId: string;
  value: string;
  children?: ReactNode;
}) {
  return (
    <div className="summary-card">
      <dt>{label}</dt>
      <dd>
        <span className="summary-value" data-testid={testId}>
          {value}
        </span>
        {children ? <span className="summary-detail">{children}</span> : null}
      </dd>
    </div>
  );
}

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/** How long the analysis took, where its work orders came from, and its slowest steps. */
function runTime(timings: Record<string, number>): { value: string; detail: string } | null {
  const total = timings.totalMs;
  if (total === undefined) return null;
  const source =
    timings.snapshot === 1
      ? 'work orders read from the import’s snapshot'
      : timings.snapshot === 0
        ? 'work orders read from their stored rows'
        : null;
  const steps = [
    ['loading', timings.loadMs],
    ['analyzers', timings.analyzersMs],
  ] as const;
  const parts = steps.flatMap(([name, ms]) => (ms === undefined ? [] : [`${name} ${seconds(ms)}`]));
  return { value: seconds(total), detail: [source, ...parts].filter(Boolean).join(' · ') };
}

export function AnalysisSummary({ analysis }: { analysis: AnalysisDetail }) {
  const id = useId();
  const total = totals(analysis.insights);
  const bySeverity = SEVERITIES.map(
    (s) => [s, analysis.insights.filter((i) => i.severity === s).length] as const,
  );
  const impactParts = [
    total.currency > 0 ? `cost ${formatNumber(total.currency)}` : null,
    total.hours > 0 ? `${formatNumber(total.hours)} h` : null,
    total.units > 0 ? `${formatNumber(total.units)} pieces` : null,
  ].filter(Boolean);
  const took = runTime(analysis.timings);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Summary</h2>
      <dl className="summary-cards" data-testid="analysis-summary">
        <SummaryCard label="Work orders" testId="summary-work-orders" value={formatCount(analysis.rowCount)}>
          {analysis.analyzersRun.length} of 4 analyzers ran
        </SummaryCard>
        <SummaryCard
          label="Data tier"
          testId="summary-tier"
          value={analysis.dataTier === null ? '—' : `${analysis.dataTier} of 4`}
        >
          {analysis.dataTier === null ? null : TIER_LABEL[analysis.dataTier]}
        </SummaryCard>
        <SummaryCard label="Findings" testId="summary-findings" value={formatCount(analysis.insightCount)}>
          {bySeverity
            .filter(([, n]) => n > 0)
            .map(([severity, n]) => (
              <span key={severity} className="summary-severity" title={SEVERITY_LABEL[severity]}>
                {n} <SeverityBadge severity={severity} />
              </span>
            ))}
        </SummaryCard>
        <SummaryCard label="Impact at stake" testId="summary-impact" value={formatNumber(total.score)}>
          {impactParts.length > 0
            ? `${impactParts.join(' · ')}, added over the findings (they can overlap)`
            : 'No finding has a cost, time or piece impact.'}
        </SummaryCard>
        {took ? (
          <SummaryCard label="Run time" testId="summary-run-time" value={took.value}>
            <span data-testid="summary-run-time-detail">{took.detail}</span>
          </SummaryCard>
        ) : null}
      </dl>
    </section>
  );
}

/** The written summary of what matters most: generated from the results, or an LLM's rewrite of it. */
export function AnalysisNarrative({ analysis }: { analysis: AnalysisDetail }) {
  const id = useId();
  if (!analysis.narrative) return null;
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="analysis-narrative">
      <h2 id={`${id}-heading`}>What matters most</h2>
      <div className="prose narrative">
        <Paragraphs text={analysis.narrative} />
      </div>
      {analysis.narrativeSource ? (
        <p className="field-hint">
          {analysis.narrativeSource === 'offline'
            ? 'Written from the results by PlantIntel.'
            : `Rewritten by ${analysis.narrativeSource}; every number it states was checked against the results.`}
        </p>
      ) : null}
    </section>
  );
}
