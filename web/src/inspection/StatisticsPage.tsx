// Defect statistics of a period, for the quality review: reject, false-positive and rework rates, the
// Pareto of defect types, the trend by day or shift, and the figures per camera, region, disposition
// and part number. The filters live in the address, so a view can be shared.
import { useMemo } from 'react';
import { AnalysisCharts } from '../analytics/AnalysisCharts';
import type { AnalysisChart } from '../analytics/analysis-api';
import { withQuery } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { navigate, useSearchParam } from '../router';
import type { Statistics, StatisticsQuery } from './api';
import { DEFECT_TYPE_LABEL, formatCount, formatShare } from './format';
import { useParts, useStations, useStatistics } from './hooks';
import { INSPECTION_STATISTICS_PAGE } from './paths';
import { StatisticsTables } from './StatisticsTables';
import { TrendChart } from './TrendChart';

const PERIODS = {
  '1d': ['Last 24 hours', 1],
  '7d': ['Last 7 days', 7],
  '30d': ['Last 30 days', 30],
  '90d': ['Last 90 days', 90],
} as const;
type Period = keyof typeof PERIODS;
const HOUR_MS = 3_600_000;

const isPeriod = (value: string | null): value is Period => value !== null && value in PERIODS;

function Totals({ totals }: { totals: Statistics['totals'] }) {
  const tiles: [string, string, string][] = [
    ['Parts inspected', formatCount(totals.triggers), `${formatCount(totals.failedTriggers)} failed`],
    ['Reject rate', formatShare(totals.rejectRate), 'failed parts / parts'],
    [
      'Defects',
      formatCount(totals.defects),
      `${formatCount(totals.dispositionedDefects)} with a disposition`,
    ],
    [
      'False-positive rate',
      formatShare(totals.falsePositiveRate),
      `${formatCount(totals.falsePositives)} of the dispositioned defects`,
    ],
    [
      'Rework share',
      formatShare(totals.reworkShare),
      `${formatCount(totals.reworkDefects)} defects sent to rework`,
    ],
    [
      'Parts reworked',
      formatShare(totals.partReworkShare),
      `${formatCount(totals.reworkParts)} of ${formatCount(totals.dispositionedParts)} parts with a disposition`,
    ],
  ];
  return (
    <dl className="stat-tiles" data-testid="statistics-totals">
      {tiles.map(([label, value, detail]) => (
        <div key={label} className="stat-tile">
          <dt>{label}</dt>
          <dd>
            <span className="stat-value">{value}</span>
            <span className="muted">{detail}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The Pareto of defect types, drawn as the analyses draw theirs. */
function paretoOf(statistics: Statistics): AnalysisChart {
  return {
    id: 'inspection-pareto',
    kind: 'pareto',
    title: 'Defect types (Pareto)',
    unit: '',
    points: statistics.pareto.map((p) => ({ label: DEFECT_TYPE_LABEL[p.type], value: p.count })),
  };
}

export function StatisticsPage() {
  const stations = useStations();
  const parts = useParts();
  const periodParam = useSearchParam('period');
  const period: Period = isPeriod(periodParam) ? periodParam : '30d';
  const stationId = useSearchParam('station') ?? '';
  const partNumber = useSearchParam('part') ?? '';
  const bucket = useSearchParam('bucket') === 'shift' ? 'shift' : 'day';

  // The period starts on the hour, so the query stays the same while the page is open.
  const query = useMemo<StatisticsQuery>(() => {
    const from = new Date(Math.floor((Date.now() - PERIODS[period][1] * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS);
    return {
      from: from.toISOString(),
      bucket,
      ...(stationId ? { stationId } : {}),
      ...(partNumber ? { partNumber } : {}),
    };
  }, [period, bucket, stationId, partNumber]);
  const statistics = useStatistics(query);

  const show = (next: Partial<Record<'period' | 'station' | 'part' | 'bucket', string>>) =>
    navigate(
      withQuery(INSPECTION_STATISTICS_PAGE.path, {
        period,
        station: stationId,
        part: partNumber,
        bucket,
        ...next,
      }),
      { replace: true },
    );
  const data = statistics.data;

  return (
    <>
      <PageHeader
        title={INSPECTION_STATISTICS_PAGE.title}
        description={INSPECTION_STATISTICS_PAGE.description}
        actions={
          <>
            <ExportMenu
              path="/api/v1/inspection/defects/statistics/export"
              params={{ ...query }}
              formats={['pdf', 'csv', 'xlsx']}
              what="the inspection report"
            />
            <ExportMenu
              path="/api/v1/inspection/defects/export"
              params={{ ...query, bucket: undefined }}
              formats={['csv', 'xlsx']}
              what="every defect of the period"
            />
          </>
        }
      />
      <section className="card" aria-labelledby="statistics-filters-heading">
        <h2 id="statistics-filters-heading" className="visually-hidden">
          Filters
        </h2>
        <div className="toolbar">
          <SelectField
            id="statistics-period"
            label="Period"
            value={period}
            onChange={(value) => show({ period: value })}
          >
            {Object.entries(PERIODS).map(([value, [text]]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="statistics-station"
            label="Station"
            value={stationId}
            onChange={(value) => show({ station: value })}
          >
            <option value="">All stations</option>
            {(stations.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="statistics-part"
            label="Part number"
            value={partNumber}
            onChange={(value) => show({ part: value })}
          >
            <option value="">All parts</option>
            {(parts.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.partNumber}>
                {p.partNumber} · {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="statistics-bucket"
            label="Trend by"
            value={bucket}
            onChange={(value) => show({ bucket: value })}
          >
            <option value="day">Day</option>
            <option value="shift">Shift (06:00, 14:00, 22:00 UTC)</option>
          </SelectField>
        </div>
        {statistics.isPending ? <p className="state-message">Loading the statistics…</p> : null}
        {statistics.isError ? (
          <ErrorNotice error={statistics.error} title="Could not load the statistics" />
        ) : null}
        {data ? <Totals totals={data.totals} /> : null}
      </section>
      {data ? (
        <>
          <section className="card inspection-charts" aria-labelledby="statistics-charts-heading">
            <h2 id="statistics-charts-heading">Defect types and trend</h2>
            {data.totals.defects === 0 ? <p className="state-message">No defects in this period.</p> : null}
            <AnalysisCharts charts={[paretoOf(data)]} />
            <TrendChart statistics={data} />
          </section>
          <StatisticsTables statistics={data} />
        </>
      ) : null}
    </>
  );
}
