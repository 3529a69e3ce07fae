// Plant reports: OEE trend by day, OEE by shift and the downtime Pareto over 7, 14 or 21 days.
import { useState } from 'react';
import { useMe } from '../auth/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ExportMenu } from '../components/ExportMenu';
import { SelectField } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { PLANT_REPORTS_PAGE } from '../modules';
import type { OeeReport } from './api';
import { daysBefore, formatMinutes, formatPercent, plantDay, shortDay } from './format';
import { useLines, useOeeReport, usePareto } from './hooks';
import { LiveIndicator } from './LiveIndicator';
import { usePlantLive } from './live';
import { OeeTrendChart, ShiftOeeChart } from './OeeCharts';
import { ParetoChart } from './ParetoChart';

const RANGES = [7, 14, 21] as const;
type Range = (typeof RANGES)[number];
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function PeriodTotals({ report }: { report: OeeReport }) {
  const { total } = report;
  const figures: [string, string, string][] = [
    ['OEE', formatPercent(total.oee), 'total-oee'],
    ['Availability', formatPercent(total.availability), 'total-availability'],
    ['Performance', formatPercent(total.performance), 'total-performance'],
    ['Quality', formatPercent(total.quality), 'total-quality'],
    ['Lost to downtime', formatMinutes(total.losses.availabilityMinutes), 'loss-availability'],
    ['Lost to speed', formatMinutes(total.losses.performanceMinutes), 'loss-performance'],
    ['Lost to scrap and rework', formatMinutes(total.losses.qualityMinutes), 'loss-quality'],
  ];
  return (
    <section className="card" aria-labelledby="period-heading">
      <h2 id="period-heading">
        {shortDay(report.from)} – {shortDay(report.to)}
      </h2>
      <dl className="facts">
        {figures.map(([label, value, testId]) => (
          <div key={testId}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ReportsPage() {
  const facilities = useMe().data?.facilities ?? [];
  const lines = useLines();
  const [lineId, setLineId] = useState('');
  const [range, setRange] = useState<Range>(14);
  const [includePlanned, setIncludePlanned] = useState(false);
  usePlantLive((lines.data?.items ?? []).map((line) => line.id));

  const line = lines.data?.items.find((l) => l.id === lineId);
  // Report days are the facility's calendar days (the demo plant runs on UTC).
  const timezone =
    facilities.find((f) => f.id === line?.facilityId)?.timezone ?? facilities[0]?.timezone ?? 'UTC';
  const to = plantDay(timezone);
  const days = { from: daysBefore(to, range - 1), to, ...(lineId ? { lineId } : {}) };
  const trend = useOeeReport({ groupBy: 'day', ...days });
  const shifts = useOeeReport({ groupBy: 'shift', ...days });
  // The Pareto window ends now, in whole minutes, so the query stays the same between renders.
  const now = Math.ceil(Date.now() / MINUTE_MS) * MINUTE_MS;
  const pareto = usePareto({
    from: new Date(now - range * DAY_MS).toISOString(),
    to: new Date(now).toISOString(),
    includePlanned,
    ...(lineId ? { lineId } : {}),
  });

  return (
    <>
      <PageHeader
        title={PLANT_REPORTS_PAGE.title}
        description={PLANT_REPORTS_PAGE.description}
        actions={
          <>
            <ExportMenu
              path="/api/v1/plant-ops/oee/export"
              params={days}
              formats={['pdf', 'csv', 'xlsx']}
              what="the OEE report"
            />
            <LiveIndicator />
          </>
        }
      />
      <section className="card" aria-label="Report filters">
        <div className="toolbar toolbar-flush">
          <SelectField id="reports-line" label="Line" value={lineId} onChange={setLineId}>
            <option value="">All lines</option>
            {(lines.data?.items ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
          <fieldset className="field choice-group choice-row">
            <legend>Period</legend>
            {RANGES.map((r) => (
              <label key={r} className="choice">
                <input
                  type="radio"
                  name="reports-range"
                  value={r}
                  checked={range === r}
                  onChange={() => setRange(r)}
                />
                {r} days
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              checked={includePlanned}
              onChange={(event) => setIncludePlanned(event.target.checked)}
            />
            Planned stops in the Pareto
          </label>
        </div>
        <p className="field-hint">
          Days are counted in the plant’s time zone ({timezone}); OEE counts completed batches.
        </p>
      </section>

      {trend.isError ? <ErrorNotice error={trend.error} title="Could not load the OEE trend" /> : null}
      {trend.isPending ? <p className="state-message">Loading the OEE trend…</p> : null}
      {trend.data ? (
        <>
          <PeriodTotals report={trend.data} />
          <OeeTrendChart report={trend.data} target={line?.oeeTarget} />
        </>
      ) : null}

      {pareto.isError ? (
        <ErrorNotice error={pareto.error} title="Could not load the downtime Pareto" />
      ) : null}
      {pareto.isPending ? <p className="state-message">Loading the downtime Pareto…</p> : null}
      {pareto.data ? <ParetoChart report={pareto.data} /> : null}

      {shifts.isError ? <ErrorNotice error={shifts.error} title="Could not load OEE by shift" /> : null}
      {shifts.data ? <ShiftOeeChart report={shifts.data} /> : null}
    </>
  );
}
