// One production line on the overview: live status, the running batch, today's OEE against target.
import { useId } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { ProgressBar } from '../jobs/JobProgress';
import { Link } from '../router';
import { type Batch, batchPath, type DowntimeReason, type Line, type OeeGroup } from './api';
import { formatElapsed, formatPercent, formatTime, LINE_STATUS_LABEL } from './format';
import { useLineDetail } from './hooks';
import { useNow } from './live';
import { OeeMeter, toneOf } from './OeeMeter';
import { StatusControls } from './StatusControls';

/** A scrap rate above the line's threshold, as pushed with ScrapDetected. */
export interface ScrapAlarm {
  batchId: string;
  code: string;
  scrapRate: number;
  threshold: number;
}

/** Planned run time: the planned window, else the ideal time of the planned quantity. */
function plannedMs(batch: Batch): number | null {
  if (batch.plannedStart && batch.plannedEnd) {
    const ms = Date.parse(batch.plannedEnd) - Date.parse(batch.plannedStart);
    if (ms > 0) return ms;
  }
  const ideal = batch.plannedQuantity * batch.idealCycleSeconds * 1000;
  return ideal > 0 ? ideal : null;
}

function CurrentBatch({ batch, now }: { batch: Batch | null; now: number }) {
  if (!batch) return <p className="muted">No batch running.</p>;
  const elapsed = batch.startedAt ? Math.max(0, now - Date.parse(batch.startedAt)) : 0;
  const planned = plannedMs(batch);
  return (
    <div className="line-batch" data-testid="line-batch">
      <p>
        <Link to={batchPath(batch.id)} className="line-batch-code">
          {batch.code}
        </Link>{' '}
        <span className="muted">
          {batch.productName ?? batch.productSku} · {batch.plannedQuantity.toLocaleString()} planned
        </span>
      </p>
      {planned ? (
        <>
          <ProgressBar value={(elapsed / planned) * 100} label={`Time elapsed of batch ${batch.code}`} />
          <p className="line-batch-time muted">
            {formatElapsed(elapsed)} of {formatElapsed(planned)} planned
            {elapsed > planned ? ` · over plan by ${formatElapsed(elapsed - planned)}` : ''}
          </p>
        </>
      ) : (
        <p className="muted">Running for {formatElapsed(elapsed)}</p>
      )}
    </div>
  );
}

function TodayOee({ line, today, loading }: { line: Line; today: OeeGroup | undefined; loading: boolean }) {
  return (
    <div className="line-oee">
      <p className="eyebrow">OEE today</p>
      <p
        className={`line-oee-value tone-${toneOf(today?.oee ?? null, line.oeeTarget)}`}
        data-testid="line-oee-today"
      >
        {loading ? '…' : formatPercent(today?.oee)}
      </p>
      <OeeMeter value={today?.oee ?? null} target={line.oeeTarget} />
      <p className="line-oee-facts muted">
        Target {formatPercent(line.oeeTarget, 0)}
        {today ? (
          <>
            {' '}
            · A {formatPercent(today.availability)} · P {formatPercent(today.performance)} · Q{' '}
            {formatPercent(today.quality)}
          </>
        ) : loading ? null : (
          ' · no completed batch today yet'
        )}
      </p>
    </div>
  );
}

export function LineCard({
  line: listed,
  today,
  todayLoading,
  reasons,
  canOperate,
  alarm,
}: {
  line: Line;
  today: OeeGroup | undefined;
  todayLoading: boolean;
  reasons: readonly DowntimeReason[];
  canOperate: boolean;
  alarm: ScrapAlarm | undefined;
}) {
  const detail = useLineDetail(listed.id);
  const now = useNow();
  const headingId = useId();
  // The list and the detail are both patched by live events; take whichever saw the latest change.
  const fresh = detail.data?.line;
  const line = fresh && Date.parse(fresh.statusSince) >= Date.parse(listed.statusSince) ? fresh : listed;
  const reason = reasons.find((r) => r.code === line.statusReasonCode);

  return (
    <article
      className={`card line-card line-${line.status}`}
      aria-labelledby={headingId}
      data-testid={`line-${line.code}`}
      data-status={line.status}
    >
      <header className="line-card-header">
        <div>
          <h2 id={headingId}>{line.name}</h2>
          <p className="muted">{line.code}</p>
        </div>
        <span className={`line-status-badge line-status-${line.status}`} data-testid="line-status">
          {LINE_STATUS_LABEL[line.status]}
        </span>
      </header>
      <p className="line-since" data-testid="line-since">
        Since {formatTime(line.statusSince)} ({formatElapsed(now - Date.parse(line.statusSince))})
        {line.statusReasonCode ? (
          <>
            {' · '}
            <span data-testid="line-reason">{reason?.label ?? line.statusReasonCode}</span>
          </>
        ) : null}
      </p>
      {alarm ? (
        <p className="notice notice-warn line-alarm" role="status">
          Scrap alarm: batch {alarm.code} scrapped {formatPercent(alarm.scrapRate)} (threshold{' '}
          {formatPercent(alarm.threshold)}).
        </p>
      ) : null}

      <section className="line-section" aria-label="Current batch">
        <p className="eyebrow line-section-heading">
          Current batch
          <Link to={`/plant/batches?line=${encodeURIComponent(line.id)}`}>All batches of this line</Link>
        </p>
        {detail.isPending ? <p className="muted">Loading…</p> : null}
        {detail.isError ? <ErrorNotice error={detail.error} title="Could not load the line" /> : null}
        {detail.data ? <CurrentBatch batch={detail.data.currentBatch} now={now} /> : null}
      </section>

      <TodayOee line={line} today={today} loading={todayLoading} />

      {canOperate ? <StatusControls line={line} reasons={reasons} /> : null}
    </article>
  );
}
