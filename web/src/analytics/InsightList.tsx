// An analysis's findings: every insight ranked by impact, and per analyzer its findings, what it
// could not do and its charts, as tabs. Each finding opens the work orders behind it.
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Fact } from '../components/Fact';
import { formatDuration } from '../jobs/JobProgress';
import { AnalysisCharts } from './AnalysisCharts';
import {
  type AnalysisChart,
  type AnalyzerRun,
  INSIGHT_SOURCES,
  type Insight,
  type InsightSource,
} from './analysis-api';
import {
  ANALYZER_LABEL,
  chartSource,
  ENTITY_LABEL,
  formatNumber,
  formatPValue,
  impactText,
  keyText,
  SeverityBadge,
} from './analysis-format';
import { InsightRows } from './InsightRows';

type Tab = 'top' | InsightSource;

/** A finding to bring into view (`at` tells two requests for the same finding apart). */
export interface InsightFocus {
  rank: number;
  at: number;
}

function evidenceText({ evidence }: Insight): string {
  const compared = [
    evidence.baseline !== null ? `${formatNumber(evidence.baseline)} for the rest (or the baseline)` : null,
    evidence.expected !== null ? `${formatNumber(evidence.expected)} expected` : null,
  ].filter(Boolean);
  const against = compared.length > 0 ? `, against ${compared.join('; ')}` : '';
  return `${evidence.metric}: ${formatNumber(evidence.value)}${against}`;
}

function testText({ evidence }: Insight): string {
  const parts = [
    evidence.statistic ? `${evidence.statistic.name} = ${formatNumber(evidence.statistic.value)}` : null,
    evidence.pValue !== null ? formatPValue(evidence.pValue) : null,
    `n = ${evidence.sampleSize.toLocaleString()}`,
  ];
  return parts.filter(Boolean).join(', ');
}

function InsightCard({ analysisId, insight }: { analysisId: string; insight: Insight }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <article
      id={`insight-${insight.id}`}
      className={`insight insight-${insight.severity}`}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-testid={`insight-${insight.id}`}
      data-analyzer={insight.analyzer}
    >
      <div className="insight-heading">
        <span className="insight-rank">#{insight.id}</span>
        <SeverityBadge severity={insight.severity} />
        <h3 id={`${id}-title`}>{insight.title}</h3>
      </div>
      <p>{insight.detail}</p>
      <dl className="facts insight-facts">
        <Fact label="Impact">
          <strong>{impactText(insight.impact)}</strong>
          <span className="insight-formula">{insight.impact.formula}</span>
        </Fact>
        {insight.entity ? <Fact label={ENTITY_LABEL[insight.entity.type]}>{insight.entity.id}</Fact> : null}
        <Fact label="Evidence">{evidenceText(insight)}</Fact>
        <Fact label="Test">{testText(insight)}</Fact>
      </dl>
      <p className="insight-recommendation">
        <strong>What to do:</strong> {insight.recommendation}
      </p>
      {insight.rowCount > 0 ? (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-expanded={open}
          aria-controls={`${id}-rows`}
          onClick={() => setOpen(!open)}
        >
          {open
            ? 'Hide the work orders'
            : `Show the ${insight.rowCount.toLocaleString()} work order${insight.rowCount === 1 ? '' : 's'} behind it`}
        </button>
      ) : null}
      <div id={`${id}-rows`}>{open ? <InsightRows analysisId={analysisId} insight={insight} /> : null}</div>
    </article>
  );
}

function AnalyzerStatus({ source, run }: { source: InsightSource; run: AnalyzerRun | undefined }) {
  if (!run) return null;
  return (
    <div className="analyzer-status" data-testid={`analyzer-${source}`} data-status={run.status}>
      {run.status === 'skipped' ? (
        <p>
          Skipped: the import does not map{' '}
          {run.lacked.length > 0 ? run.lacked.map(keyText).join(', ').toLowerCase() : 'the fields it needs'}.
        </p>
      ) : (
        <p className="muted">
          Ran in {formatDuration(run.ms)}; {run.insights} finding{run.insights === 1 ? '' : 's'}.
        </p>
      )}
      {run.notes.length > 0 ? (
        <ul className="analyzer-notes">
          {run.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function InsightList({
  analysisId,
  insights,
  runs,
  charts,
  focus,
}: {
  analysisId: string;
  insights: readonly Insight[];
  runs: Partial<Record<InsightSource, AnalyzerRun>>;
  charts: readonly AnalysisChart[];
  focus: InsightFocus | null;
}) {
  const id = useId();
  const [tab, setTab] = useState<Tab>('top');
  const tabList = useRef<HTMLDivElement>(null);
  const sources = INSIGHT_SOURCES.filter(
    (s) => runs[s] || insights.some((i) => i.analyzer === s) || charts.some((c) => chartSource(c.id) === s),
  );
  const tabs: Tab[] = ['top', ...sources];
  const count = (t: Tab) => (t === 'top' ? insights.length : insights.filter((i) => i.analyzer === t).length);

  // A finding asked for (by the chat's sources) is shown among all of them, then brought into view.
  const shownFocus = useRef<InsightFocus | null>(null);
  useEffect(() => {
    if (!focus || shownFocus.current === focus) return;
    if (tab !== 'top') {
      setTab('top');
      return;
    }
    shownFocus.current = focus;
    const article = document.getElementById(`insight-${focus.rank}`);
    article?.scrollIntoView({ block: 'start' });
    article?.focus({ preventScroll: true });
  }, [focus, tab]);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] as Tab;
    setTab(next);
    tabList.current?.querySelector<HTMLButtonElement>(`[data-tab="${next}"]`)?.focus();
  };

  const shown = tab === 'top' ? insights : insights.filter((i) => i.analyzer === tab);
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="insights">
      <h2 id={`${id}-heading`}>Findings</h2>
      <div
        className="tabs"
        role="tablist"
        aria-label="Findings by analyzer"
        ref={tabList}
        onKeyDown={moveFocus}
      >
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            data-tab={t}
            aria-selected={t === tab}
            aria-controls={`${id}-panel`}
            tabIndex={t === tab ? 0 : -1}
            className="tab"
            onClick={() => setTab(t)}
          >
            {t === 'top' ? 'All, by impact' : ANALYZER_LABEL[t]} <span className="tab-count">{count(t)}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="tab-panel">
        {tab === 'top' ? null : <AnalyzerStatus source={tab} run={runs[tab]} />}
        {shown.length === 0 ? (
          <p className="state-message" data-testid="insights-empty">
            {tab === 'top'
              ? 'Nothing stood out: no finding passed the configured thresholds and significance tests.'
              : 'No finding from this analyzer.'}
          </p>
        ) : (
          <div className="insight-list">
            {shown.map((insight) => (
              <InsightCard key={insight.id} analysisId={analysisId} insight={insight} />
            ))}
          </div>
        )}
        {tab === 'top' ? null : <AnalysisCharts charts={charts.filter((c) => chartSource(c.id) === tab)} />}
      </div>
    </section>
  );
}
