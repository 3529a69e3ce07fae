// One batch: every field, start / complete for operators, and its OEE breakdown once completed.
import { useState } from 'react';
import { usePermissions } from '../auth/hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Fact } from '../components/Fact';
import { PageHeader } from '../components/PageHeader';
import { formatDateTime } from '../format';
import { Link } from '../router';
import type { Batch } from './api';
import { BatchStatusBadge } from './BatchStatusBadge';
import { CompleteBatchForm } from './CompleteBatchForm';
import { formatMoney, formatNumber } from './format';
import { useLines, useLiveBatch, useStartBatch } from './hooks';
import { OeeBreakdown } from './OeeBreakdown';

function BatchActions({ batch }: { batch: Batch }) {
  const start = useStartBatch(batch.id);
  const [completing, setCompleting] = useState(false);
  if (batch.status === 'completed') return null;
  return (
    <section className="card" aria-labelledby="batch-actions-heading">
      <h2 id="batch-actions-heading">{batch.status === 'planned' ? 'Start' : 'Complete'}</h2>
      {start.isError ? <ErrorNotice error={start.error} title="Could not start the batch" /> : null}
      {batch.status === 'planned' ? (
        <div className="form-actions">
          <p className="muted">Starting switches an idle line to running. A line runs one batch at a time.</p>
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? 'Starting…' : 'Start batch'}
          </button>
        </div>
      ) : completing ? (
        <CompleteBatchForm batch={batch} onCancel={() => setCompleting(false)} />
      ) : (
        <div className="form-actions">
          <p className="muted">Enter the counts when the run is over; OEE is computed from them.</p>
          <button type="button" className="button" onClick={() => setCompleting(true)}>
            Complete…
          </button>
        </div>
      )}
    </section>
  );
}

function BatchFacts({ batch }: { batch: Batch }) {
  return (
    <section className="card" aria-labelledby="batch-facts-heading">
      <h2 id="batch-facts-heading">Batch</h2>
      <dl className="facts">
        <Fact label="Status">
          <BatchStatusBadge status={batch.status} testId="batch-status" />
        </Fact>
        <Fact label="Line">
          <Link to={`/plant/batches?line=${encodeURIComponent(batch.lineId)}`}>{batch.lineName ?? '—'}</Link>
        </Fact>
        <Fact label="Product">
          {batch.productSku}
          {batch.productName ? <span className="muted"> · {batch.productName}</span> : null}
        </Fact>
        <Fact label="Planned quantity">{formatNumber(batch.plannedQuantity)}</Fact>
        <Fact label="Ideal cycle time">{batch.idealCycleSeconds} s per piece</Fact>
        <Fact label="Planned window">
          {batch.plannedStart || batch.plannedEnd
            ? `${formatDateTime(batch.plannedStart)} – ${formatDateTime(batch.plannedEnd)}`
            : 'not planned'}
        </Fact>
        <Fact label="Started" testId="batch-started">
          {formatDateTime(batch.startedAt)}
        </Fact>
        <Fact label="Completed" testId="batch-completed">
          {formatDateTime(batch.completedAt)}
        </Fact>
        <Fact label="Good · scrap · rework" testId="batch-counts">
          {batch.goodCount === null
            ? '—'
            : `${formatNumber(batch.goodCount)} · ${formatNumber(batch.scrapCount)} · ${formatNumber(batch.reworkCount)}`}
        </Fact>
        <Fact label="Labour hours">{formatNumber(batch.labourHours, 1)}</Fact>
        <Fact label="Labour rate per hour">{formatMoney(batch.labourRate)}</Fact>
        <Fact label="Material cost per unit">{formatMoney(batch.materialCostPerUnit)}</Fact>
        <Fact label="Created">{formatDateTime(batch.createdAt)}</Fact>
      </dl>
      {batch.notes ? <p className="prose">{batch.notes}</p> : null}
    </section>
  );
}

export function BatchPage({ id }: { id: string }) {
  const permissions = usePermissions();
  const query = useLiveBatch(id);
  const lines = useLines();
  const batch = query.data;
  const line = lines.data?.items.find((l) => l.id === batch?.lineId);

  return (
    <>
      <PageHeader
        title={batch ? `Batch ${batch.code}` : 'Batch'}
        description={
          batch
            ? `${batch.productName ?? batch.productSku} on ${batch.lineName ?? 'an unknown line'}.`
            : 'A production run on a line.'
        }
      />
      <p className="back-link">
        <Link to="/plant/batches">← All batches</Link>
      </p>
      {query.isPending ? <p className="state-message">Loading the batch…</p> : null}
      {query.isError ? <ErrorNotice error={query.error} title="Could not load the batch" /> : null}
      {batch ? (
        <>
          {permissions.operatePlant ? <BatchActions key={batch.status} batch={batch} /> : null}
          {batch.oee ? <OeeBreakdown batch={batch} oee={batch.oee} target={line?.oeeTarget} /> : null}
          <BatchFacts batch={batch} />
        </>
      ) : null}
    </>
  );
}
