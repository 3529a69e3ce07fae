// One KPI: its value over the period, the trend against the period before (an arrow coloured by
// whether the change is for the better), its target and status, and a sparkline of its days.
import { formatChange, formatKpi, type KpiCard, STATUS_BADGE, STATUS_TEXT } from './api';
import { Sparkline } from './Sparkline';

const ARROW = { up: '▲', down: '▼', flat: '▶' } as const;

function Trend({ card, days }: { card: KpiCard; days: number }) {
  const { direction, improving } = card.trend;
  if (direction === null)
    return (
      <p className="kpi-trend trend-none" data-testid={`kpi-trend-${card.kpi}`} data-direction="none">
        No figure for the {days} days before
      </p>
    );
  const tone = improving === null ? 'trend-flat' : improving ? 'trend-good' : 'trend-bad';
  const word = improving === null ? 'steady' : improving ? 'better' : 'worse';
  return (
    <p className={`kpi-trend ${tone}`} data-testid={`kpi-trend-${card.kpi}`} data-direction={direction}>
      <span aria-hidden="true">{ARROW[direction]}</span> {formatChange(card)}{' '}
      <span className="kpi-trend-word">
        ({word}; {formatKpi(card.previous, card.unit)} the {days} days before)
      </span>
    </p>
  );
}

export function KpiTile({ card, days }: { card: KpiCard; days: number }) {
  return (
    <article
      className="card kpi-tile"
      data-testid={`kpi-tile-${card.kpi}`}
      data-status={card.status}
      aria-labelledby={`kpi-label-${card.kpi}`}
    >
      <div className="kpi-tile-head">
        <h3 id={`kpi-label-${card.kpi}`} title={card.description ?? undefined}>
          {card.label}
        </h3>
        <span className={`badge ${STATUS_BADGE[card.status]}`}>{STATUS_TEXT[card.status]}</span>
      </div>
      <p className="kpi-value" data-testid={`kpi-value-${card.kpi}`}>
        {formatKpi(card.value, card.unit)}
      </p>
      <Trend card={card} days={days} />
      <Sparkline
        points={card.sparkline}
        target={card.target}
        label={`${card.label} per day`}
        testId={`kpi-sparkline-${card.kpi}`}
      />
      <p className="kpi-target">
        {card.target === null
          ? 'No target'
          : `Target ${card.better === 'lower' ? '≤' : '≥'} ${formatKpi(card.target, card.unit)}`}
        {card.targetSource === 'tenant' ? ' (yours)' : ''}
      </p>
    </article>
  );
}
