// A completed batch's OEE: A × P × Q with the minutes each factor lost, time, counts and costs.
import type { Batch, BatchOee } from './api';
import { formatMinutes, formatMoney, formatNumber, formatPercent } from './format';
import { OeeMeter, toneOf } from './OeeMeter';

/**
 * The batch's losses in minutes, as the OEE report counts them (availability: unplanned downtime;
 * performance: run time beyond the ideal time of every piece; quality: ideal time of bad pieces).
 */
export function batchLosses(batch: Batch, oee: BatchOee) {
  const idealMinutes = (pieces: number) => (pieces * batch.idealCycleSeconds) / 60;
  const bad = (batch.scrapCount ?? 0) + (batch.reworkCount ?? 0);
  return {
    availabilityMinutes: oee.unplannedDowntimeMinutes,
    performanceMinutes: oee.runMinutes - idealMinutes(oee.totalCount),
    qualityMinutes: idealMinutes(bad),
  };
}

function Factor({
  name,
  value,
  lost,
  explanation,
  testId,
  flag,
}: {
  name: string;
  value: number | null;
  lost: number;
  explanation: string;
  testId: string;
  flag?: string | undefined;
}) {
  return (
    <div className="oee-factor" data-testid={testId}>
      <dt>{name}</dt>
      <dd>
        <span className="oee-factor-value">{formatPercent(value)}</span>
        {flag ? (
          <span className="badge badge-warn badge-inline" data-testid="performance-flag">
            {flag}
          </span>
        ) : null}
        <OeeMeter value={value} target={1} neutral />
        <span className="muted">
          {formatMinutes(lost)} lost · {explanation}
        </span>
      </dd>
    </div>
  );
}

export function OeeBreakdown({ batch, oee, target }: { batch: Batch; oee: BatchOee; target?: number }) {
  const losses = batchLosses(batch, oee);
  return (
    <section className="card" aria-labelledby="batch-oee-heading" data-testid="batch-oee">
      <h2 id="batch-oee-heading">OEE</h2>
      <div className="oee-summary">
        <p className={`oee-big tone-${toneOf(oee.oee, target ?? 0)}`} data-testid="batch-oee-value">
          {formatPercent(oee.oee)}
        </p>
        <p className="muted">
          OEE = availability × performance × quality
          {target !== undefined ? ` · line target ${formatPercent(target, 0)}` : ''}
          {oee.oee === null ? ' · no planned production time in the batch window, so no OEE' : ''}
        </p>
      </div>
      {oee.performanceAboveIdeal ? (
        <p className="notice notice-warn" role="note">
          Performance is above 100 %: the line made pieces faster than the ideal cycle time (
          {batch.idealCycleSeconds} s) allows. Check the ideal cycle time of this product.
        </p>
      ) : null}
      <dl className="oee-factors">
        <Factor
          name="Availability"
          value={oee.availability}
          lost={losses.availabilityMinutes}
          explanation="unplanned downtime"
          testId="oee-availability"
        />
        <Factor
          name="Performance"
          value={oee.performance}
          lost={losses.performanceMinutes}
          explanation="run time beyond the ideal pace"
          testId="oee-performance"
          flag={oee.performanceAboveIdeal ? 'above ideal' : undefined}
        />
        <Factor
          name="Quality"
          value={oee.quality}
          lost={losses.qualityMinutes}
          explanation="ideal time of scrapped and reworked pieces"
          testId="oee-quality"
        />
      </dl>
      <h3 className="subheading">Time, counts and costs</h3>
      <dl className="facts">
        <div>
          <dt>Planned production</dt>
          <dd>{formatMinutes(oee.plannedProductionMinutes)}</dd>
        </div>
        <div>
          <dt>Planned stops</dt>
          <dd>{formatMinutes(oee.plannedStopMinutes)}</dd>
        </div>
        <div>
          <dt>Unplanned downtime</dt>
          <dd>{formatMinutes(oee.unplannedDowntimeMinutes)}</dd>
        </div>
        <div>
          <dt>Run time</dt>
          <dd>{formatMinutes(oee.runMinutes)}</dd>
        </div>
        <div>
          <dt>Pieces made</dt>
          <dd>{formatNumber(oee.totalCount)}</dd>
        </div>
        <div>
          <dt>Scrap rate · yield</dt>
          <dd>
            {formatPercent(oee.scrapRate)} · {formatPercent(oee.yield)}
          </dd>
        </div>
        <div>
          <dt>Labour cost</dt>
          <dd data-testid="cost-labour">{formatMoney(oee.costs.labour)}</dd>
        </div>
        <div>
          <dt>Material cost</dt>
          <dd data-testid="cost-material">{formatMoney(oee.costs.material)}</dd>
        </div>
        <div>
          <dt>Scrap cost</dt>
          <dd data-testid="cost-scrap">{formatMoney(oee.costs.scrap)}</dd>
        </div>
      </dl>
    </section>
  );
}
