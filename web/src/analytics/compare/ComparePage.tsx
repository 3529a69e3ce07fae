// Facilities side by side (issue 19): pick two to ten of the organisation's facilities (all of them
// at first) and a period of days; one column per facility, one row per metric, with a small bar per
// value, the best and the worst marked in words as well as colour, the reason where a facility has
// no figure, and links to the analyses the work-order figures come from.
import { useState } from 'react';
import { useMe } from '../../auth/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { InputField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { Link } from '../../router';
import { analysisPath } from '../paths';
import {
  type ComparedFacility,
  type ComparedMetric,
  type Comparison,
  formatMetric,
  MAX_FACILITIES,
  MIN_FACILITIES,
  shiftDay,
  useComparison,
} from './compare-api';
import { ANALYTICS_COMPARE_PAGE } from './page';
import './compare.css';

const today = () => new Date().toISOString().slice(0, 10);
const DEFAULT_DAYS = 28;

export function ComparePage() {
  const facilities = useMe().data?.facilities ?? [];
  // Null until the user picks: then every facility (up to ten) is compared.
  const [picked, setPicked] = useState<string[] | null>(null);
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(() => shiftDay(today(), DEFAULT_DAYS - 1));
  const chosen = picked ?? facilities.slice(0, MAX_FACILITIES).map((f) => f.id);
  const comparison = useComparison({ facilityIds: chosen, from, to });

  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id];
    // Keep the organisation's order, whatever order they were ticked in.
    setPicked(facilities.map((f) => f.id).filter((x) => next.includes(x)));
  };

  return (
    <div className="compare-page">
      <PageHeader title={ANALYTICS_COMPARE_PAGE.title} description={ANALYTICS_COMPARE_PAGE.description} />
      <form className="compare-filters" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="compare-facilities">
          <legend>
            Facilities ({MIN_FACILITIES} to {MAX_FACILITIES})
          </legend>
          {facilities.map((f) => (
            <label key={f.id} className="compare-facility-choice">
              <input
                type="checkbox"
                checked={chosen.includes(f.id)}
                disabled={!chosen.includes(f.id) && chosen.length >= MAX_FACILITIES}
                onChange={() => toggle(f.id)}
                data-testid={`compare-pick-${f.code}`}
              />{' '}
              {f.name} <span className="muted">({f.code})</span>
            </label>
          ))}
        </fieldset>
        <InputField
          id="compare-from"
          label="From"
          type="date"
          value={from}
          max={to}
          onChange={setFrom}
          narrow
        />
        <InputField id="compare-to" label="To" type="date" value={to} min={from} onChange={setTo} narrow />
      </form>
      {facilities.length < MIN_FACILITIES ? (
        <p className="notice notice-info">
          Your organisation has {facilities.length === 1 ? 'one facility' : 'no facility'}: a comparison needs
          at least two.
        </p>
      ) : chosen.length < MIN_FACILITIES ? (
        <p className="notice notice-info">Choose at least two facilities to compare.</p>
      ) : comparison.error ? (
        <ErrorNotice error={comparison.error} title="The comparison could not be loaded" />
      ) : !comparison.data ? (
        <p className="muted">Comparing…</p>
      ) : (
        <CompareTable comparison={comparison.data} />
      )}
    </div>
  );
}

function CompareTable({ comparison }: { comparison: Comparison }) {
  const { facilities, metrics } = comparison;
  return (
    <div className="table-wrap compare-table-wrap">
      <table className="table compare-table" data-testid="compare-table">
        <caption>
          {comparison.from} to {comparison.to}, in each facility’s local days. Best and worst are marked per
          row; a dash says why a facility has no figure.
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {facilities.map((f) => (
              <th scope="col" key={f.id}>
                {f.name}
                <div className="muted compare-facility-meta">
                  {f.code} · {f.timezone}
                </div>
                <AnalysisLinks facility={f} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <MetricRow key={m.key} metric={m} facilities={facilities} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AnalysisLinks({ facility }: { facility: ComparedFacility }) {
  if (facility.analyses.length === 0)
    return <div className="muted compare-facility-meta">No analysis in the period</div>;
  return (
    <ul className="compare-analyses">
      {facility.analyses.map((a) => (
        <li key={a.id}>
          <Link to={analysisPath(a.id)}>{a.name}</Link>
        </li>
      ))}
    </ul>
  );
}

const DIRECTION_HINT = {
  higher: 'higher is better',
  lower: 'lower is better',
  neutral: 'not ranked',
} as const;

function MetricRow({ metric, facilities }: { metric: ComparedMetric; facilities: ComparedFacility[] }) {
  const known = metric.values.map((v) => v.value).filter((v): v is number => v !== null);
  // Bars are drawn against the row's largest magnitude, so a row's values compare at a glance.
  const scale = Math.max(0, ...known.map(Math.abs));
  return (
    <tr data-testid={`compare-row-${metric.key}`}>
      <th scope="row">
        {metric.label}
        <div className="muted compare-direction">{DIRECTION_HINT[metric.direction]}</div>
      </th>
      {facilities.map((f) => {
        const v = metric.values.find((x) => x.facilityId === f.id);
        const best = metric.best.includes(f.id);
        const worst = metric.worst.includes(f.id);
        const rank = best ? 'best' : worst ? 'worst' : null;
        return (
          <td key={f.id} className={rank ? `compare-${rank}` : undefined}>
            {v?.value == null ? (
              <span className="muted compare-missing" title={v?.reason ?? undefined}>
                — <span className="compare-reason">{v?.reason ?? 'no data'}</span>
              </span>
            ) : (
              <>
                <span className="compare-value">{formatMetric(v.value, metric.unit)}</span>
                {rank ? (
                  <span className={`compare-flag compare-flag-${rank}`}>
                    {rank === 'best' ? 'Best' : 'Worst'}
                  </span>
                ) : null}
                <span className="compare-bar" aria-hidden="true">
                  <span style={{ width: `${scale > 0 ? (Math.abs(v.value) / scale) * 100 : 0}%` }} />
                </span>
                {v.analysisIds.length > 0 ? (
                  <span className="compare-sources">
                    from{' '}
                    {v.analysisIds.map((id, i) => (
                      <span key={id}>
                        {i > 0 ? ', ' : ''}
                        <Link to={analysisPath(id)}>analysis {i + 1}</Link>
                      </span>
                    ))}
                  </span>
                ) : null}
              </>
            )}
          </td>
        );
      })}
    </tr>
  );
}
